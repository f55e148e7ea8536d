using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;
using Spectre.Console;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary>Prints a <see cref="MetricsRun"/> as a table (a column per series, then the benchmark) or as one JSON document.</summary>
internal static class MetricsOutput
{
    /// <summary>
    /// One JSON document: files, options, and per series its rows, dropped rows and every metric by its snake_case key
    /// (dates as ISO strings, non-finite numbers as the strings "NaN", "Infinity", "-Infinity", null when undefined)
    /// plus its calendar-year returns; the benchmark's own entry last.
    /// </summary>
    public static string Json(MetricsRun run)
    {
        var buffer = new ArrayBufferWriter<byte>(8192 * (run.Results.Count + 1));
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", run.Source);
            if (run.BenchmarkSource is null)
            {
                json.WriteNull("benchmark_file");
            }
            else
            {
                json.WriteString("benchmark_file", run.BenchmarkSource);
            }

            json.WriteNumber("periods_per_year", run.Options.PeriodsPerYear);
            json.WriteNumber("risk_free_rate", run.Options.RiskFreeRate);
            json.WriteBoolean("compounded", run.Options.Compounded);
            json.WriteStartArray("series");
            foreach ((MetricsSeries series, PerformanceMetrics metrics) in run.Results)
            {
                WriteSeries(json, series, metrics);
            }

            json.WriteEndArray();
            if (run.Benchmark is { } b)
            {
                json.WritePropertyName("benchmark");
                WriteSeries(json, b.Series, b.Metrics);
            }
            else
            {
                json.WriteNull("benchmark");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The metrics table: a row per metric in quantstats' order, a column per series and one for the benchmark.</summary>
    public static void Print(IAnsiConsole console, MetricsRun run)
    {
        foreach ((MetricsSeries s, PerformanceMetrics m) in run.Results)
        {
            console.WriteLine(
                $"{s.Name}: {m.Observations} periods{Span(m)}" +
                (s.DroppedMissing + s.DroppedUnmatched > 0 ? $" ({s.DroppedMissing} rows without a value, {s.DroppedUnmatched} without a benchmark date: dropped)" : string.Empty));
        }

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("metric");
        var columns = new List<IReadOnlyList<MetricRow>>(run.Results.Count + 1);
        foreach ((MetricsSeries s, PerformanceMetrics m) in run.Results)
        {
            table.AddColumn(new TableColumn(Markup.Escape(s.Name)).RightAligned());
            columns.Add(m.Rows());
        }

        Dictionary<string, MetricRow>? benchmarkRows = null;
        if (run.Benchmark is { } b)
        {
            table.AddColumn(new TableColumn("benchmark " + Markup.Escape(b.Series.Name)).RightAligned());
            benchmarkRows = [];
            foreach (MetricRow row in b.Metrics.Rows())
            {
                benchmarkRows[row.Key] = row;
            }
        }

        for (int i = 0; i < columns[0].Count; i++)
        {
            MetricRow first = columns[0][i];
            var cells = new List<string>(columns.Count + 2) { Markup.Escape(first.Label) };
            foreach (IReadOnlyList<MetricRow> column in columns)
            {
                cells.Add(Markup.Escape(MetricText.Format(column[i])));
            }

            if (benchmarkRows is not null)
            {
                cells.Add(benchmarkRows.TryGetValue(first.Key, out MetricRow? own) ? Markup.Escape(MetricText.Format(own)) : "-");
            }

            table.AddRow([.. cells]);
        }

        console.Write(table);
        console.WriteLine(
            $"periods/year {run.Options.PeriodsPerYear.ToString(CultureInfo.InvariantCulture)} · rf {MetricText.Percent(run.Options.RiskFreeRate)} · compounded · formulas: docs/metrics.md");
    }

    private static string Span(PerformanceMetrics m) =>
        m.StartDate is { } start && m.EndDate is { } end ? $", {MetricText.Date(start)} … {MetricText.Date(end)}" : " (undated: monthly/yearly metrics n/a)";

    private static void WriteSeries(Utf8JsonWriter json, MetricsSeries series, PerformanceMetrics metrics)
    {
        json.WriteStartObject();
        json.WriteString("name", series.Name);
        json.WriteNumber("rows", series.Returns.Length);
        json.WriteNumber("dropped_missing", series.DroppedMissing);
        json.WriteNumber("dropped_unmatched", series.DroppedUnmatched);
        json.WriteBoolean("dated", series.Dates.Length > 0);
        json.WriteStartObject("metrics");
        foreach (MetricRow row in metrics.Rows())
        {
            if (row.Format == MetricFormat.Date)
            {
                if (row.Date is { } date)
                {
                    json.WriteString(row.Key, MetricText.Date(date));
                }
                else
                {
                    json.WriteNull(row.Key);
                }
            }
            else if (double.IsFinite(row.Value))
            {
                json.WriteNumber(row.Key, row.Value);
            }
            else
            {
                json.WriteString(row.Key, row.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        json.WriteEndObject();
        json.WriteStartArray("annual_returns");
        foreach (PeriodReturn year in metrics.AnnualReturns)
        {
            json.WriteStartObject();
            json.WriteNumber("year", year.Start.Year);
            json.WriteNumber("return", year.Return);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
