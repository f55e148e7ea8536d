namespace QuantFunctions.Core.Reporting;

/// <summary>What a tear sheet is built from: a return series and whatever else is known about the portfolio.</summary>
/// <param name="Title">The title (e.g. the sleeve or portfolio name and the run).</param>
/// <param name="Dates">One date per return, strictly increasing.</param>
/// <param name="Returns">Periodic simple (net) returns.</param>
public sealed record TearSheetInput(string Title, DateOnly[] Dates, double[] Returns)
{
    /// <summary>Turnover per period (same length), for the turnover chart and the annual turnover; none by default.</summary>
    public double[]? Turnover { get; init; }

    /// <summary>The benchmark, aligned with <see cref="Dates"/>; none by default.</summary>
    public BenchmarkSeries? Benchmark { get; init; }

    /// <summary>Weights over time, one row per date; none by default.</summary>
    public WeightHistory? Weights { get; init; }

    /// <summary>The selection funnel, when the sleeve has one.</summary>
    public SelectionFunnel? Funnel { get; init; }

    /// <summary>The regime, when the sleeve has one.</summary>
    public RegimeView? Regime { get; init; }
}
