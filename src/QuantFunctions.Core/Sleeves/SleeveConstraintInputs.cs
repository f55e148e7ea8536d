using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;

namespace QuantFunctions.Core.Sleeves;

/// <summary>What a sleeve's constraints are built from (<see cref="SleeveConstraints.Build"/>).</summary>
/// <param name="Regime">The as-of regime from the sleeve's regime artifact, or null when the run has none (then the NORMAL cap applies, recorded as the default).</param>
/// <param name="Benchmark">The benchmark return per day (equal-weight universe, <see cref="MarketBenchmark"/>); required for a market-neutral sleeve.</param>
/// <param name="BenchmarkName">How the benchmark was built, recorded in the report (e.g. <c>equal_weight:crypto_spot</c>).</param>
/// <param name="Universe">The universe's dated asset returns (silver), which the atoms' betas are estimated on; required for a market-neutral sleeve.</param>
public sealed record SleeveConstraintInputs(RegimeLabel? Regime, IReadOnlyDictionary<DateOnly, double>? Benchmark = null, string? BenchmarkName = null, ReturnPanel? Universe = null)
{
    /// <summary>
    /// The inputs as known on the last row of <paramref name="panel"/> (a walk-forward window's decision, or the run's
    /// as-of): the regime filtered on the panel's equal-weight return with <paramref name="model"/>
    /// (<see cref="RegimeDetector.KnownAt"/>; null without a model), and for a market-neutral sleeve that equal-weight
    /// return as the benchmark and the panel's asset returns for the betas.
    /// </summary>
    /// <param name="panel">The universe's dated returns known at the decision.</param>
    /// <param name="model">The registered regime model, or null for none.</param>
    /// <param name="spec">The sleeve.</param>
    /// <param name="benchmarkName">How the benchmark is named in the report (e.g. <c>equal_weight:crypto_spot</c>).</param>
    public static SleeveConstraintInputs KnownAt(ReturnPanel panel, RegimeModel? model, SleeveSpec spec, string benchmarkName)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(spec);
        (DateOnly[] dates, double[] returns, _) = MarketBenchmark.EqualWeight(panel);
        RegimeLabel? regime = model is null ? null : RegimeDetector.KnownAt(model, returns);
        if (!spec.MarketNeutral)
        {
            return new SleeveConstraintInputs(regime);
        }

        var benchmark = new Dictionary<DateOnly, double>(dates.Length);
        for (int i = 0; i < dates.Length; i++)
        {
            benchmark[dates[i]] = returns[i];
        }

        return new SleeveConstraintInputs(regime, benchmark, benchmarkName, panel);
    }
}
