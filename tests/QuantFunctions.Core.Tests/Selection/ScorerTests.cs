using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Selection;

/// <summary>Each ranker against a hand calculation on a small table (written out per test).</summary>
public sealed class ScorerTests
{
    // Three candidates, two oriented factors: f1 = [0.1, 0.3, 0.2], f2 = [3, 1, 5].
    private static readonly double[] F1 = [0.1, 0.3, 0.2];
    private static readonly double[] F2 = [3, 1, 5];

    [Fact]
    public void Cars_RankNormalization_IsTheSumOfScaledRanks()
    {
        // f1 ranks (low = 1): 0.1→1, 0.2→2, 0.3→3 → (r−1)/(n−1) = [0, 1, 0.5]; f2: 1→1, 3→2, 5→3 → [0.5, 0, 1].
        // Sum: [0.5, 1.0, 1.5].
        double[] score = new double[3];
        CarsScorer.Score([F1, F2], FactorNormalization.Rank, score);
        Assert.Equal([0.5, 1.0, 1.5], score);
    }

    [Fact]
    public void Cars_ZScoreAndLogistic_MatchTheHandCalculation()
    {
        // f1: mean 0.2, population sd √(0.02/3) → z = [−√1.5, √1.5, 0]; f2: mean 3, sd √(8/3) → z = [0, −√1.5, √1.5].
        double z = Math.Sqrt(1.5);
        double[] score = new double[3];
        CarsScorer.Score([F1, F2], FactorNormalization.ZScore, score);
        Approx.Abs(-z, score[0], 1e-12, "z 0");
        Approx.Abs(0, score[1], 1e-12, "z 1");
        Approx.Abs(z, score[2], 1e-12, "z 2");

        // Logistic: σ(x) = 1/(1 + e^(−x)); candidate 0 = σ(−√1.5) + σ(0), candidate 2 = σ(0) + σ(√1.5) = 1.5 − σ(−√1.5) + ... by symmetry σ(x) + σ(−x) = 1.
        CarsScorer.Score([F1, F2], FactorNormalization.Logistic, score);
        double s = 1 / (1 + Math.Exp(z));
        Approx.Abs(s + 0.5, score[0], 1e-12, "logistic 0");
        Approx.Abs(1.0, score[1], 1e-12, "logistic 1 = σ(√1.5) + σ(−√1.5)");
        Approx.Abs(0.5 + (1 - s), score[2], 1e-12, "logistic 2");
    }

    [Fact]
    public void RankNormalization_Ties_ShareTheMeanRank()
    {
        // [2, 1, 2, 3]: 1 → rank 1, the two 2s → ranks 2 and 3 → mean 2.5, 3 → rank 4; (r−1)/3 = [0.5, 0, 0.5, 1].
        double[] r = new double[4];
        FactorNormalization.Ranks([2, 1, 2, 3], r);
        Assert.Equal([0.5, 0, 0.5, 1], r);
    }

    [Fact]
    public void LogMps_IsTheSumOfLogLogisticProbabilities()
    {
        // Candidate 0: ln σ(−√1.5) + ln σ(0) = ln(1/(1 + e^√1.5)) + ln 0.5; alpha score = exp(score/2) (geometric mean).
        double[] score = new double[3];
        LogMpsScorer.Score([F1, F2], score);
        double expected0 = Math.Log(1 / (1 + Math.Exp(Math.Sqrt(1.5)))) + Math.Log(0.5);
        Approx.Abs(expected0, score[0], 1e-12, "log-mps 0");
        Approx.Abs(Math.Log(1 / (1 + Math.Exp(-Math.Sqrt(1.5)))) + Math.Log(1 / (1 + Math.Exp(Math.Sqrt(1.5)))), score[1], 1e-12, "log-mps 1");
        Approx.Abs(Math.Sqrt(0.5 / (1 + Math.Exp(Math.Sqrt(1.5)))), LogMpsScorer.AlphaScore(score[0], 2), 1e-12, "alpha score 0");
    }

    [Fact]
    public void Percentile_LongDescending_ShortAscending()
    {
        // Momentum [0.05, −0.02, 0.10, 0.01], p = 0.5 → ⌈0.5·4⌉ = 2 qualify.
        string[] symbols = ["A", "B", "C", "D"];
        double[] momentum = [0.05, -0.02, 0.10, 0.01];
        bool[] q = new bool[4];
        PercentileFilter.Qualify(momentum, symbols, 0.5, q);
        Assert.Equal([true, false, true, false], q); // long: C (0.10), A (0.05)

        double[] shortScore = [-0.05, 0.02, -0.10, -0.01]; // short scores are −momentum: the lowest momentum ranks first
        PercentileFilter.Qualify(shortScore, symbols, 0.5, q);
        Assert.Equal([false, true, false, true], q); // short: B (−0.02), D (0.01)
    }

    [Fact]
    public void RollSpread_AlternatingReturns_MatchesTheHandCalculation()
    {
        // Pairs (0.01, −0.01), (−0.01, 0.01), (0.01, −0.01): Σx = 0.01, Σy = −0.01, Σxy = −0.0003, n = 3;
        // cov = (−0.0003 − 0.01·(−0.01)/3)/2 = −0.000133…; s = 2√0.000133… = 0.0230940…
        double cov = (-0.0003 - (0.01 * -0.01 / 3)) / 2;
        Approx.Abs(2 * Math.Sqrt(-cov), ReturnStatistics.RollSpread([0.01, double.NaN, -0.01, 0.01, -0.01]), 1e-12, "roll");
        Assert.Equal(0.0, ReturnStatistics.RollSpread([0.01, 0.02, 0.03, 0.04])); // positive serial covariance: no spread
    }

    [Fact]
    public void Compounded_SkipsMissingReturns()
    {
        // (1.1)(0.9)(1.05) − 1 = 0.0395; the NaN is skipped, never a zero return.
        Approx.Abs(0.0395, ReturnStatistics.Compounded([0.1, double.NaN, -0.1, 0.05]), 1e-12, "compounded");
    }

    [Fact]
    public void Trend_StepAboveFlatHistory_IsBullWithAGoldenCross()
    {
        // Proxy: 204 points at 1, then 1.1 (205 points; SMA200 and a 5-bar cross window need 205).
        // SMA200(t) = (199·1 + 1.1)/200 = 1.0005; close gap = 1.1/1.0005 − 1. With vwma/sma = 1, VWMA20 = SMA20:
        // at t−1 SMA20 = 1 = SMA200 (diff 0), at t SMA20 = (19 + 1.1)/20 = 1.005 > 1.0005 → golden cross at t.
        double[] proxy = new double[205];
        Array.Fill(proxy, 1.0);
        proxy[^1] = 1.1;
        double[] ratio = new double[205];
        Array.Fill(ratio, 1.0);
        var options = new SelectionOptions { Standard = SelectionStandards.V5, CrossWithin = 5, TrendThreshold = 0.005 };

        TrendSignal up = TrendRule.Evaluate(proxy, ratio, 20, options, Direction.Long);
        Approx.Abs((1.1 / 1.0005) - 1, up.Gap, 1e-12, "gap");
        Assert.True(up.Regime);
        Assert.True(up.Cross);

        TrendSignal down = TrendRule.Evaluate(proxy, ratio, 20, options, Direction.Short);
        Assert.False(down.Regime);
        Assert.False(down.Cross);

        // regime_source sma50: SMA50 = (49 + 1.1)/50 = 1.002 → gap 1.002/1.0005 − 1 ≈ 0.0015 < 0.005: not bull.
        TrendSignal smooth = TrendRule.Evaluate(proxy, ratio, 20, options with { RegimeSource = TrendSources.Sma50 }, Direction.Long);
        Approx.Abs((1.002 / 1.0005) - 1, smooth.Gap, 1e-12, "sma50 gap");
        Assert.False(smooth.Regime);

        // Too short for SMA200 + 5: no reading.
        Assert.True(double.IsNaN(TrendRule.Evaluate(proxy.AsSpan(1), ratio.AsSpan(1), 20, options, Direction.Long).Gap));
    }

    [Fact]
    public void Breakout_AdxDiAndChannel_MatchTheRule()
    {
        var options = new SelectionOptions { Standard = SelectionStandards.V51, AdxThreshold = 25, BreakoutNear = 0.1 };

        // Close 109.5 in [100, 110]: position 0.95 ≥ 0.9; ADX 30 > 25; +DI 25 > −DI 15 → long qualifies, score 25 − 15.
        Assert.Equal((10.0, true), BreakoutRule.Evaluate(30, 25, 15, 109.5, 110, 100, options, Direction.Long));
        // Short needs −DI > +DI and the close near the lower band: neither holds; score −DI − +DI = −10.
        Assert.Equal((-10.0, false), BreakoutRule.Evaluate(30, 25, 15, 109.5, 110, 100, options, Direction.Short));
        // ADX 20 ≤ 25: no trend strength.
        Assert.False(BreakoutRule.Evaluate(20, 25, 15, 109.5, 110, 100, options, Direction.Long).Qualified);
        // Position 0.5: no breakout.
        Assert.False(BreakoutRule.Evaluate(30, 25, 15, 105, 110, 100, options, Direction.Long).Qualified);
        // Short breakout: −DI 30 > +DI 10, close 100.5 → position 0.05 ≤ 0.1.
        Assert.Equal((20.0, true), BreakoutRule.Evaluate(30, 10, 30, 100.5, 110, 100, options, Direction.Short));
    }
}
