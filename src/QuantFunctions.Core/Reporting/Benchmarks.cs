using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Reporting;

/// <summary>Builds tear-sheet benchmarks: the equal-weight return of a panel, and a series aligned onto the tear sheet's dates.</summary>
public static class Benchmarks
{
    /// <summary>
    /// The equal-weight, daily-rebalanced return of a panel: per row the mean of the observed (non-NaN) values;
    /// NaN for a row with no observation.
    /// </summary>
    /// <param name="panel">Returns, dates × columns (column-major).</param>
    /// <returns>One return per panel row.</returns>
    public static double[] EqualWeight(ReturnPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return panel.ObservedRowMeans(out _);
    }

    /// <summary>
    /// Aligns a dated series onto <paramref name="dates"/>: the value on the same date, or 0 where the source has no
    /// date or a NaN there — each such date counted in <see cref="BenchmarkSeries.MissingDates"/>.
    /// </summary>
    /// <param name="name">The benchmark's name.</param>
    /// <param name="sourceDates">The source dates, strictly increasing.</param>
    /// <param name="sourceValues">One return per source date.</param>
    /// <param name="dates">The tear sheet's dates, strictly increasing.</param>
    /// <returns>The aligned benchmark.</returns>
    /// <exception cref="DomainValidationException">Source dates and values differ in length or dates are not increasing.</exception>
    public static BenchmarkSeries Align(string name, DateOnly[] sourceDates, double[] sourceValues, DateOnly[] dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var source = new DatedSeries(name, sourceDates, sourceValues);
        double[] aligned = new double[dates.Length];
        int missing = 0, j = 0;
        for (int t = 0; t < dates.Length; t++)
        {
            while (j < source.Count && source.Dates[j] < dates[t])
            {
                j++;
            }

            bool found = j < source.Count && source.Dates[j] == dates[t] && !double.IsNaN(source.Values[j]);
            aligned[t] = found ? source.Values[j] : 0;
            missing += found ? 0 : 1;
        }

        return new BenchmarkSeries(name, aligned, missing);
    }
}
