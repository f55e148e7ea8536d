using System.Globalization;
using System.Net;
using System.Text;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>
/// Renders a <see cref="TearSheet"/> as Markdown or as one self-contained HTML page with inline SVG charts
/// (no scripts, no external resources): cumulative returns vs benchmark (linear and log), end-of-year returns,
/// monthly heatmap, return distribution, rolling volatility / Sharpe / Sortino / beta, the worst drawdown periods
/// on the equity curve, underwater, weights over time, turnover, and the selection funnel and regime when present.
/// Output is deterministic: the same tear sheet gives the same bytes, numbers use the invariant culture.
/// </summary>
public static class TearSheetRenderer
{
    private const string Style =
        "body{font-family:sans-serif;margin:24px;color:#222;max-width:1600px}table{border-collapse:collapse;margin-bottom:16px}"
        + "td,th{border:1px solid #ddd;padding:4px 10px}td.v{text-align:right;font-variant-numeric:tabular-nums}"
        + ".charts{display:flex;flex-wrap:wrap;gap:12px}.charts section{flex:0 0 760px}.charts h2{font-size:15px;margin:8px 0 4px}"
        + "svg.chart{max-width:100%;height:auto;border:1px solid #eee}p.note{font-size:12px;color:#555;margin:2px 0 10px}";

    /// <summary>Renders Markdown: a title, the metric table (with a benchmark column when there is one), the worst drawdowns, funnel and regime.</summary>
    /// <param name="sheet">The tear sheet.</param>
    /// <returns>Markdown text ending with a newline.</returns>
    /// <exception cref="DomainValidationException">When dates, equity and drawdown lengths differ.</exception>
    public static string ToMarkdown(TearSheet sheet)
    {
        Check(sheet);
        var sb = new StringBuilder();
        sb.Append("# ").Append(sheet.Title).Append('\n').Append('\n');
        BenchmarkSeries? benchmark = sheet.Input.Benchmark;
        if (benchmark is null)
        {
            sb.Append("| Metric | Value |\n|---|---:|\n");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"Benchmark: {benchmark.Name}{MissingNote(benchmark)}.\n\n| Metric | Strategy | Benchmark |\n|---|---:|---:|\n");
        }

        foreach (MetricTableRow row in MetricTable.Rows(sheet))
        {
            sb.Append("| ").Append(row.Name).Append(" | ").Append(row.Strategy).Append(" |");
            sb.Append(row.Benchmark is null ? "\n" : $" {row.Benchmark} |\n");
        }

        if (sheet.Equity.Length > 0)
        {
            int trough = IndexOfMin(sheet.Drawdown);
            sb.Append('\n')
              .Append(CultureInfo.InvariantCulture, $"Final equity {MetricTable.Number(sheet.Equity[^1], "0.0000")} (start 1). ")
              .Append(CultureInfo.InvariantCulture, $"Deepest drawdown {MetricTable.Percent(sheet.Drawdown[trough])} on {MetricTable.Date(sheet.Dates[trough])}.\n");
        }

        DrawdownPeriod[] worst = WorstDrawdowns.Of(sheet, sheet.Charts.WorstDrawdowns);
        if (worst.Length > 0)
        {
            sb.Append("\n## Worst drawdowns\n\n| # | Depth | Start | Valley | Last day under water |\n|---:|---:|---|---|---|\n");
            for (int k = 0; k < worst.Length; k++)
            {
                DrawdownPeriod p = worst[k];
                string end = MetricTable.Date(sheet.Dates[p.EndIndex]) + (WorstDrawdowns.Recovered(p, sheet.Dates.Length) ? string.Empty : " (not recovered)");
                sb.Append(CultureInfo.InvariantCulture, $"| {k + 1} | {MetricTable.Percent(p.MaxDrawdown)} | {MetricTable.Date(sheet.Dates[p.StartIndex])} | {MetricTable.Date(sheet.Dates[p.ValleyIndex])} | {end} |\n");
            }
        }

        if (sheet.Input.Funnel is { } funnel)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n## Selection funnel ({funnel.Standard}, as of {funnel.AsOf}, HTR {funnel.HtrStage})\n\n");
            foreach (FunnelStage s in funnel.Stages)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {s.Name}: {s.Count}\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"\nWinners ({funnel.Winners.Count}): {string.Join(", ", funnel.Winners)}\n");
        }

        if (sheet.Input.Regime is { } regime)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n## Regime\n\n{regime.Label}, volatility quadrant {regime.Quadrant} (model {regime.ModelId} {regime.Version}, as of {regime.AsOf}).\n");
        }

        return sb.ToString();
    }

    /// <summary>Renders a self-contained HTML page with the metric table and inline SVG charts.</summary>
    /// <param name="sheet">The tear sheet.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="DomainValidationException">When dates, equity and drawdown lengths differ.</exception>
    public static string ToHtml(TearSheet sheet)
    {
        Check(sheet);
        string title = WebUtility.HtmlEncode(sheet.Title);
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title).Append("</title>\n")
          .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(title).Append("</h1>\n");
        BenchmarkSeries? benchmark = sheet.Input.Benchmark;
        if (benchmark is not null)
        {
            sb.Append("<p>Benchmark: ").Append(WebUtility.HtmlEncode(benchmark.Name + MissingNote(benchmark))).Append(".</p>\n");
        }

        sb.Append("<table class=\"metrics\">\n<tr><th>Metric</th><th>").Append(benchmark is null ? "Value" : "Strategy").Append("</th>")
          .Append(benchmark is null ? string.Empty : "<th>Benchmark</th>").Append("</tr>\n");
        foreach (MetricTableRow row in MetricTable.Rows(sheet))
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(row.Name)).Append("</td><td class=\"v\">").Append(WebUtility.HtmlEncode(row.Strategy)).Append("</td>");
            if (row.Benchmark is not null)
            {
                sb.Append("<td class=\"v\">").Append(WebUtility.HtmlEncode(row.Benchmark)).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n<div class=\"charts\">\n");
        foreach ((string heading, string svg, string note) in Charts(sheet))
        {
            sb.Append("<section>\n<h2>").Append(WebUtility.HtmlEncode(heading)).Append("</h2>\n").Append(svg)
              .Append("\n<p class=\"note\">").Append(WebUtility.HtmlEncode(note)).Append("</p>\n</section>\n");
        }

        sb.Append("</div>\n");
        if (sheet.Input.Funnel is { Winners.Count: > 0 } funnel)
        {
            sb.Append("<p>Selected (").Append(funnel.Winners.Count.ToString(CultureInfo.InvariantCulture)).Append("): ")
              .Append(WebUtility.HtmlEncode(string.Join(", ", funnel.Winners))).Append("</p>\n");
        }

        return sb.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>The charts of the page, in order, each with its heading and a one-line note on what it shows.</summary>
    private static List<(string Heading, string Svg, string Note)> Charts(TearSheet sheet)
    {
        double p = sheet.Options.PeriodsPerYear;
        BenchmarkSeries? benchmark = sheet.Input.Benchmark;
        var charts = new List<(string, string, string)>
        {
            ("Cumulative returns", TimeSeriesCharts.Cumulative(sheet, log: false), "Compounded return since the start, strategy and benchmark."),
            ("Cumulative returns (log scale)", TimeSeriesCharts.Cumulative(sheet, log: true), "The same on a log axis: equal slopes mean equal growth rates."),
            ("End-of-year returns", DistributionCharts.EndOfYear(sheet), "Compounded return per calendar year (a partial first or last year is its part only)."),
            ("Monthly returns", DistributionCharts.MonthlyHeatmap(sheet), "Compounded return per calendar month, in percent; colour intensity scales with size."),
            ("Return distribution", DistributionCharts.Distribution(sheet), "Histogram of periodic returns."),
            ("Rolling volatility", TimeSeriesCharts.Rolling(sheet, "rolling-volatility", "Rolling volatility", (r, w) => RollingStatistics.Volatility(r, w, p), MetricTable.Percent, true), "Annualised standard deviation over the trailing window."),
            ("Rolling Sharpe", TimeSeriesCharts.Rolling(sheet, "rolling-sharpe", "Rolling Sharpe", (r, w) => RollingStatistics.Sharpe(r, w, p), static v => MetricTable.Number(v, "0.00"), true), "Annualised Sharpe ratio (rf = 0) over the trailing window."),
            ("Rolling Sortino", TimeSeriesCharts.Rolling(sheet, "rolling-sortino", "Rolling Sortino", (r, w) => RollingStatistics.Sortino(r, w, p), static v => MetricTable.Number(v, "0.00"), true), "Annualised Sortino ratio (rf = 0) over the trailing window."),
        };
        if (benchmark is not null)
        {
            charts.Add(("Rolling beta", TimeSeriesCharts.RollingBeta(sheet, benchmark), "Beta of the strategy's returns to the benchmark's over the trailing window."));
        }

        DrawdownPeriod[] worst = WorstDrawdowns.Of(sheet, sheet.Charts.WorstDrawdowns);
        charts.Add(("Worst drawdown periods", TimeSeriesCharts.ShadedDrawdowns(sheet, worst), "Equity curve with the deepest drawdown periods shaded, numbered from the deepest (peak to recovery)."));
        charts.Add(("Underwater", TimeSeriesCharts.Underwater(sheet), "Distance below the running peak of equity."));
        if (sheet.Input.Weights is { } weights)
        {
            charts.Add(("Weights over time", TimeSeriesCharts.Weights(sheet, weights), "Start-of-period weights, long above 0 and short below, the largest positions separately."));
        }

        if (sheet.Input.Turnover is { } turnover)
        {
            charts.Add(("Turnover", TimeSeriesCharts.Turnover(sheet, turnover), "Traded notional as a fraction of equity on each rebalance."));
        }

        if (sheet.Input.Funnel is { Stages.Count: > 0 } funnel)
        {
            charts.Add(("Selection funnel", ContextCharts.Funnel(funnel), $"Candidates remaining after each selection step (as of {funnel.AsOf}, HTR {funnel.HtrStage})."));
        }

        if (sheet.Input.Regime is { Series.Count: > 0 } regime)
        {
            charts.Add(("Regime", ContextCharts.Regime(regime), $"Regime label and volatility quadrant per date (as of {regime.AsOf})."));
        }

        return charts;
    }

    private static string MissingNote(BenchmarkSeries benchmark) =>
        benchmark.MissingDates == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({benchmark.MissingDates} dates without a benchmark observation counted as 0)");

    private static void Check(TearSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        Guard.SameLength(sheet.Dates.Length, sheet.Equity.Length, $"tear sheet '{sheet.Title}'", "equity");
        Guard.SameLength(sheet.Dates.Length, sheet.Drawdown.Length, $"tear sheet '{sheet.Title}'", "drawdown");
    }

    private static int IndexOfMin(double[] values)
    {
        int k = 0;
        for (int i = 1; i < values.Length; i++)
        {
            k = values[i] < values[k] ? i : k;
        }

        return k;
    }
}
