using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;

namespace QuantFunctions.Core.Tests.Regime;

public sealed class RegimeFeaturesTests
{
    [Fact]
    public void Compute_Window8_HaarEnergyMatchesHandCalculation()
    {
        // Window 8 over r = 0.01, −0.01, 0.02, 0.00, 0.03, −0.01, 0.00, 0.02, 0.04:
        // row 0 (day 7): pairs (0.01, −0.01), (0.02, 0), (0.03, −0.01), (0, 0.02): dₖ = (a − b)/√2,
        // Σd² = (0.02² + 0.02² + 0.04² + 0.02²)/2 = 0.0028/2 = 0.0014; mean over 4 = 0.00035 → ln 0.00035.
        // row 1 (day 8): pairs (−0.01, 0.02), (0, 0.03), (−0.01, 0), (0.02, 0.04): Σ(a−b)² = 0.0009+0.0009+0.0001+0.0004 = 0.0023,
        // mean d² = 0.0023/2/4 = 0.0002875.
        double[] r = [0.01, -0.01, 0.02, 0.00, 0.03, -0.01, 0.00, 0.02, 0.04];

        RegimeFeatureMatrix f = RegimeFeatures.Compute(r, 8);

        Assert.Equal((7, 2), (f.FirstRow, f.Rows));
        Assert.Equal(0.02, f.Values[0], 1e-15);
        Assert.Equal(Math.Log(0.00035), f.Values[1], 1e-12);
        Assert.Equal(0.04, f.Values[3], 1e-15);
        Assert.Equal(Math.Log(0.0002875), f.Values[4], 1e-12);
        Assert.InRange(f.Values[2], 0, 1);
    }

    [Fact]
    public void Compute_OddWindow_IsInvalidInput()
    {
        var ex = Assert.Throws<DomainValidationException>(() => RegimeFeatures.Compute(new double[50], 9));
        Assert.Equal(ErrorCodes.InvalidInput, ex.Code);
    }

    [Fact]
    public void Quadrants_RisingCalmThenFallingWild_AreBullQuietThenBearVolatile()
    {
        // 100 days of +0.1 % ± 0.2 % (alternating) and 200 calm days of +0.1 % (day 299: 21-day volatility 0 below the
        // 252-day one, mean > 0 → BULL_QUIET), then 30 days of −2 % ± 3 %: the last day's 63-day mean is
        // (33·0.001 + 30·(−0.02))/63 < 0 and its 21-day volatility (≈3 %) exceeds the 252-day one → BEAR_VOLATILE.
        double[] r = new double[330];
        for (int i = 0; i < 300; i++)
        {
            r[i] = 0.001 + (i >= 100 ? 0 : i % 2 == 0 ? 0.002 : -0.002);
        }

        for (int i = 300; i < 330; i++)
        {
            r[i] = -0.02 + (i % 2 == 0 ? 0.03 : -0.03);
        }

        VolatilityQuadrant[] q = VolatilityQuadrants.Classify(r);

        Assert.Equal(VolatilityQuadrant.BullQuiet, q[299]);
        Assert.Equal(VolatilityQuadrant.BearVolatile, q[329]);
        Assert.Equal("BEAR_VOLATILE", VolatilityQuadrants.Name(q[329]));
    }
}
