using QuantFunctions.Core.Regime;

namespace QuantFunctions.Core.Sleeves;

/// <summary>What a sleeve's constraints are built from (<see cref="SleeveConstraints.Build"/>).</summary>
/// <param name="Regime">The as-of regime from the sleeve's regime artifact, or null when the run has none (then the NORMAL cap applies, recorded as the default).</param>
/// <param name="Benchmark">The benchmark return per day (equal-weight universe, <see cref="MarketBenchmark"/>); required for a market-neutral sleeve.</param>
/// <param name="BenchmarkName">How the benchmark was built, recorded in the report (e.g. <c>equal_weight:crypto_spot</c>).</param>
public sealed record SleeveConstraintInputs(RegimeLabel? Regime, IReadOnlyDictionary<DateOnly, double>? Benchmark = null, string? BenchmarkName = null);
