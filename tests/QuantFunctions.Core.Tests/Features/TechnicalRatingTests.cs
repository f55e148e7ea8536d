using QuantFunctions.Core.Features;

namespace QuantFunctions.Core.Tests.Features;

public sealed class TechnicalRatingTests
{
    [Fact]
    public void MovingAverageRating_RisingLine_IsStrongBuy()
    {
        // On a rising line the close is above every trailing SMA/EMA: all votes +1 → rating 1.
        double[] close = new double[40];
        for (int i = 0; i < close.Length; i++)
        {
            close[i] = 10 + i;
        }

        var rating = TestBars.Run(40, d => TechnicalRating.MovingAverageRating(close, [5, 10], d));
        Assert.True(double.IsNaN(rating[8]));
        Assert.Equal(1.0, rating[9]);
        Assert.Equal(1.0, rating[39]);
    }

    [Fact]
    public void MovingAverageRating_HandCase_AveragesVotes()
    {
        // Lengths {1, 3} on 3, 2, 1, 5: at row 3 SMA(1) = EMA(1) = close → two 0 votes; SMA(3) = (2+1+5)/3 = 2.667 < 5 → +1;
        // EMA(3): seed (3+2+1)/3 = 2 at row 2, then 2 + 0.5·(5 − 2) = 3.5 < 5 → +1. Rating = (0+0+1+1)/4 = 0.5.
        var rating = TestBars.Run(4, d => TechnicalRating.MovingAverageRating([3, 2, 1, 5], [1, 3], d));
        Assert.Equal(0.5, rating[3], 12);
    }

    [Fact]
    public void OscillatorRating_HandCase_CountsThreeVotes()
    {
        // Row 1: RSI 25 rising from 20 (+1), ADX 30 with +DI 25 > −DI 10 (+1), ROC −2 falling from −1 (−1) → 1/3.
        // Row 3: RSI 75 falling from 80 (−1), ADX 15 below 20 (0), ROC 1 rising from 0 (+1) → 0.
        var osc = TestBars.Run(4, d => TechnicalRating.OscillatorRating(
            [20, 25, 80, 75], [0, 25, 0, 10], [0, 10, 0, 30], [0, 30, 0, 15], [-1, -2, 0, 1], d));
        Assert.True(double.IsNaN(osc[0]));
        Assert.Equal(1.0 / 3, osc[1], 12);
        Assert.Equal(0.0, osc[3], 12);
    }

    [Fact]
    public void AllRating_IsMeanOfBoth()
    {
        var all = TestBars.Run(2, d => TechnicalRating.AllRating([1.0, -0.5], [0.0, double.NaN], d));
        Assert.Equal(0.5, all[0]);
        Assert.True(double.IsNaN(all[1]));
    }
}
