using System.Globalization;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>
/// Turns the returns file (and the benchmark file) of <c>quant metrics</c> into series: each column keeps the rows
/// where it has a value; with a benchmark, dated files are joined on their dates and undated files row by row.
/// Every dropped row is counted (<see cref="MetricsSeries"/>).
/// </summary>
internal static class MetricsInput
{
    /// <summary>
    /// The panel's dates when its index column holds strictly increasing calendar dates; otherwise (no index, period
    /// numbers, intraday timestamps) null, and the metrics treat the file as undated.
    /// </summary>
    public static DateOnly[]? Dates(ReturnPanel panel)
    {
        if (panel.HasDates)
        {
            return panel.Dates;
        }

        if (panel.RowLabels is not { } labels)
        {
            return null;
        }

        var dates = new DateOnly[labels.Labels.Count];
        for (int i = 0; i < dates.Length; i++)
        {
            string label = labels.Labels[i];
            if (double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                || !DateTimeOffset.TryParse(label, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset instant))
            {
                return null;
            }

            dates[i] = DateOnly.FromDateTime(instant.UtcDateTime);
            if (i > 0 && dates[i] <= dates[i - 1])
            {
                return null;
            }
        }

        return dates;
    }

    /// <summary>The series of every column of <paramref name="returns"/>, aligned with the benchmark when one is given.</summary>
    /// <exception cref="DomainValidationException">
    /// <see cref="ErrorCodes.MetricsInputShape"/> for a benchmark with several columns or a dated file with an undated one;
    /// <see cref="ErrorCodes.BenchmarkMisaligned"/> for undated files of different lengths.
    /// </exception>
    public static MetricsSeries[] Align(ReturnPanel returns, ReturnPanel? benchmark)
    {
        DateOnly[]? dates = Dates(returns);
        DateOnly[]? benchmarkDates = null;
        Dictionary<DateOnly, int>? benchmarkRow = null;
        if (benchmark is not null)
        {
            if (benchmark.ColumnCount != 1)
            {
                throw new DomainValidationException(ErrorCodes.MetricsInputShape, $"the benchmark file has {benchmark.ColumnCount} columns; give one column of benchmark returns.");
            }

            benchmarkDates = Dates(benchmark);
            if ((dates is null) != (benchmarkDates is null))
            {
                throw new DomainValidationException(
                    ErrorCodes.MetricsInputShape, $"the returns file is {(dates is null ? "undated" : "dated")} and the benchmark file {(benchmarkDates is null ? "undated" : "dated")}; date both or neither.");
            }

            if (benchmarkDates is null && benchmark.RowCount != returns.RowCount)
            {
                throw new DomainValidationException(
                    ErrorCodes.BenchmarkMisaligned, $"undated files are matched row by row: the returns have {returns.RowCount} rows, the benchmark {benchmark.RowCount}.");
            }

            if (benchmarkDates is not null)
            {
                benchmarkRow = new Dictionary<DateOnly, int>(benchmarkDates.Length);
                for (int i = 0; i < benchmarkDates.Length; i++)
                {
                    benchmarkRow[benchmarkDates[i]] = i;
                }
            }
        }

        var result = new MetricsSeries[returns.ColumnCount];
        for (int j = 0; j < returns.ColumnCount; j++)
        {
            result[j] = Column(returns, j, dates, benchmark, benchmarkRow);
        }

        return result;
    }

    /// <summary>The benchmark's own series over the rows that any returns column uses (its column of the metrics table).</summary>
    public static MetricsSeries BenchmarkSeries(ReturnPanel benchmark, IReadOnlyList<MetricsSeries> series)
    {
        DateOnly[]? dates = Dates(benchmark);
        ReadOnlySpan<double> values = benchmark.Column(0);
        var used = new HashSet<DateOnly>();
        foreach (MetricsSeries s in series)
        {
            used.UnionWith(s.Dates);
        }

        var d = new List<DateOnly>(values.Length);
        var r = new List<double>(values.Length);
        int missing = 0, unmatched = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (dates is not null && !used.Contains(dates[i]))
            {
                unmatched++;
            }
            else if (double.IsNaN(values[i]))
            {
                missing++;
            }
            else
            {
                if (dates is not null)
                {
                    d.Add(dates[i]);
                }

                r.Add(values[i]);
            }
        }

        return new MetricsSeries(benchmark.Columns[0], [.. d], [.. r], [], missing, unmatched);
    }

    private static MetricsSeries Column(ReturnPanel returns, int j, DateOnly[]? dates, ReturnPanel? benchmark, Dictionary<DateOnly, int>? benchmarkRow)
    {
        ReadOnlySpan<double> values = returns.Column(j);
        ReadOnlySpan<double> bench = benchmark is null ? default : benchmark.Column(0);
        var d = new List<DateOnly>(values.Length);
        var r = new List<double>(values.Length);
        var b = new List<double>(benchmark is null ? 0 : values.Length);
        int missing = 0, unmatched = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int k = i;
            if (benchmarkRow is not null && !benchmarkRow.TryGetValue(dates![i], out k))
            {
                unmatched++;
                continue;
            }

            if (double.IsNaN(values[i]) || (benchmark is not null && double.IsNaN(bench[k])))
            {
                missing++;
                continue;
            }

            if (dates is not null)
            {
                d.Add(dates[i]);
            }

            r.Add(values[i]);
            if (benchmark is not null)
            {
                b.Add(bench[k]);
            }
        }

        if (benchmark is not null && r.Count < 2)
        {
            throw new DomainValidationException(
                ErrorCodes.BenchmarkMisaligned, $"column '{returns.Columns[j]}' shares {r.Count} rows with values with the benchmark ({unmatched} dates not in the benchmark, {missing} missing); at least 2 are needed.");
        }

        return new MetricsSeries(returns.Columns[j], [.. d], [.. r], [.. b], missing, unmatched);
    }
}
