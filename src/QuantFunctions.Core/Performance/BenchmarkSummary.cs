namespace QuantFunctions.Core.Performance;

/// <summary>The metrics against a benchmark (quantstats' <c>greeks</c>, correlation, <c>information_ratio</c>, <c>treynor_ratio</c>).</summary>
internal sealed record BenchmarkSummary(double Alpha, double Beta, double Correlation, double InformationRatio, double Treynor)
{
    /// <summary>No benchmark: every value NaN.</summary>
    public static BenchmarkSummary None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Computes the benchmark metrics.</summary>
    /// <param name="returns">The series.</param>
    /// <param name="benchmark">The benchmark on the same periods.</param>
    /// <param name="periodsPerYear">Annualisation of alpha.</param>
    /// <param name="compoundedTotal">The series' compounded total return (Treynor's numerator).</param>
    /// <param name="annualRiskFree">The annual risk-free rate (subtracted as is by quantstats' Treynor).</param>
    public static BenchmarkSummary Of(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, double periodsPerYear, double compoundedTotal, double annualRiskFree)
    {
        (double sxx, double syy, double sxy) = SeriesStatistics.CrossMoments(returns, benchmark);
        double beta = PerformanceCalculator.Ratio(sxy, syy);
        double alpha = (SeriesStatistics.Mean(returns) - (beta * SeriesStatistics.Mean(benchmark))) * periodsPerYear;
        double correlation = sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;

        double activeSum = 0;
        for (int i = 0; i < returns.Length; i++)
        {
            activeSum += returns[i] - benchmark[i];
        }

        double activeMean = activeSum / returns.Length, activeSs = 0;
        for (int i = 0; i < returns.Length; i++)
        {
            double d = returns[i] - benchmark[i] - activeMean;
            activeSs += d * d;
        }

        double trackingError = Math.Sqrt(activeSs / (returns.Length - 1));
        double informationRatio = trackingError != 0 ? activeMean / trackingError : 0;
        double treynor = beta == 0 ? 0 : (compoundedTotal - annualRiskFree) / beta;
        return new BenchmarkSummary(alpha, beta, correlation, informationRatio, treynor);
    }
}
