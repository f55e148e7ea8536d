using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>The tear sheet's charts over time: cumulative returns, rolling statistics, drawdowns, weights, turnover.</summary>
internal static class TimeSeriesCharts
{
    /// <summary>Cumulative return of strategy and benchmark; with <paramref name="log"/> the y axis is <c>ln(equity)</c>, labelled as cumulative return.</summary>
    public static string Cumulative(TearSheet sheet, bool log)
    {
        var plot = new SvgPlot(log ? "cumulative-log" : "cumulative", log ? "Cumulative returns vs benchmark (log scale)" : "Cumulative returns vs benchmark");
        double[] strategy = Transform(sheet.Equity, log);
        double[]? benchmark = null;
        if (sheet.Input.Benchmark is { } b)
        {
            double[] equity = new double[b.Returns.Length];
            EquityCurve.FromReturns(b.Returns, equity);
            benchmark = Transform(equity, log);
        }

        (double min, double max) = Range(strategy, benchmark);
        plot.XDomain(strategy.Length - 1);
        plot.YDomain(min, max);
        plot.Frame(log ? static v => MetricTable.Percent(Math.Exp(v) - 1) : MetricTable.Percent, MetricTable.Date(sheet.Dates[0]), MetricTable.Date(sheet.Dates[^1]));
        if (benchmark is not null)
        {
            plot.Polyline(benchmark, 0, ChartColors.Benchmark, "benchmark");
        }

        plot.Polyline(strategy, 0, ChartColors.Strategy, "strategy");
        plot.Legend(Legend(sheet));
        return plot.Finish();
    }

    /// <summary>A rolling statistic of strategy (and benchmark, with <paramref name="withBenchmark"/> and a benchmark) over the effective window.</summary>
    public static string Rolling(TearSheet sheet, string id, string label, Func<ReadOnlySpan<double>, int, double[]> statistic, Func<double, string> format, bool withBenchmark)
    {
        int n = sheet.Dates.Length, window = sheet.Charts.EffectiveWindow(n);
        var plot = new SvgPlot(id, $"{label} ({window}-period rolling)");
        double[] strategy = statistic(sheet.Input.Returns, window);
        double[]? benchmark = withBenchmark && sheet.Input.Benchmark is { } b ? statistic(b.Returns, window) : null;
        (double min, double max) = Range(strategy, benchmark);
        plot.XDomain(n - 1);
        plot.YDomain(min, max);
        plot.Frame(format, MetricTable.Date(sheet.Dates[0]), MetricTable.Date(sheet.Dates[^1]));
        if (benchmark is not null)
        {
            plot.Polyline(benchmark, window - 1, ChartColors.Benchmark, "benchmark");
        }

        plot.Polyline(strategy, window - 1, ChartColors.Strategy, "strategy");
        plot.Legend(withBenchmark ? Legend(sheet) : [("strategy", ChartColors.Strategy)]);
        return plot.Finish();
    }

    /// <summary>Rolling beta of the strategy against the benchmark (requires a benchmark).</summary>
    public static string RollingBeta(TearSheet sheet, BenchmarkSeries benchmark) =>
        Rolling(sheet, "rolling-beta", "Rolling beta to benchmark", (r, w) => RollingStatistics.Beta(r, benchmark.Returns, w), static v => MetricTable.Number(v, "0.00"), withBenchmark: false);

    /// <summary>The equity curve with the worst drawdown periods shaded and numbered (1 = deepest).</summary>
    public static string ShadedDrawdowns(TearSheet sheet, IReadOnlyList<DrawdownPeriod> worst)
    {
        var plot = new SvgPlot("worst-drawdowns", $"Worst {worst.Count} drawdown periods");
        int n = sheet.Equity.Length;
        (double min, double max) = Range(sheet.Equity, null);
        plot.XDomain(n - 1);
        plot.YDomain(min, max);
        plot.Frame(static v => MetricTable.Number(v, "0.000"), MetricTable.Date(sheet.Dates[0]), MetricTable.Date(sheet.Dates[^1]));
        for (int k = 0; k < worst.Count; k++)
        {
            DrawdownPeriod p = worst[k];
            bool recovered = WorstDrawdowns.Recovered(p, n);
            double x1 = plot.X(Math.Max(p.StartIndex - 1, 0)), x2 = plot.X(recovered ? p.EndIndex + 1 : p.EndIndex);
            string title = $"#{k + 1}: {MetricTable.Percent(p.MaxDrawdown)} from {MetricTable.Date(sheet.Dates[p.StartIndex])} to {MetricTable.Date(sheet.Dates[p.EndIndex])}{(recovered ? string.Empty : " (not recovered)")}";
            plot.Rect(x1, SvgPlot.PlotTop, x2, plot.PlotBottom, ChartColors.Shade, title, 0.15);
            plot.Text((x1 + x2) / 2, SvgPlot.PlotTop + 12, "middle", (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), 10, ChartColors.Shade);
        }

        plot.Polyline(sheet.Equity, 0, ChartColors.Strategy, "equity");
        return plot.Finish();
    }

    /// <summary>The underwater plot: drawdown after each period, filled to 0.</summary>
    public static string Underwater(TearSheet sheet)
    {
        var plot = new SvgPlot("underwater", "Underwater (drawdown)");
        int n = sheet.Drawdown.Length;
        (double min, _) = Range(sheet.Drawdown, null);
        plot.XDomain(n - 1);
        plot.YDomain(min, 0);
        plot.Frame(MetricTable.Percent, MetricTable.Date(sheet.Dates[0]), MetricTable.Date(sheet.Dates[^1]));
        plot.Band(sheet.Drawdown, new double[n], 0, ChartColors.Loss, "drawdown");
        plot.Polyline(sheet.Drawdown, 0, ChartColors.Loss, "drawdown", 1);
        return plot.Finish();
    }

    /// <summary>Turnover per period as bars (non-zero on rebalances), with the annualised turnover in the title.</summary>
    public static string Turnover(TearSheet sheet, double[] turnover)
    {
        var plot = new SvgPlot("turnover", $"Turnover per period (annualised {MetricTable.Number(sheet.Metrics.AnnualTurnover, "0.00")})");
        int n = turnover.Length;
        double max = 0;
        foreach (double t in turnover)
        {
            max = Math.Max(max, t);
        }

        plot.XDomain(n - 1);
        plot.YDomain(0, max);
        plot.Frame(static v => MetricTable.Number(v, "0.00"), MetricTable.Date(sheet.Dates[0]), MetricTable.Date(sheet.Dates[^1]));
        double barWidth = Math.Max((SvgPlot.PlotRight - SvgPlot.PlotLeft) / Math.Max(n, 1), 2);
        for (int t = 0; t < n; t++)
        {
            if (turnover[t] > 0)
            {
                double x = plot.X(t);
                plot.Rect(x - (barWidth / 2), plot.Y(0), x + (barWidth / 2), plot.Y(turnover[t]), ChartColors.Strategy, $"{MetricTable.Date(sheet.Dates[t])}: {MetricTable.Number(turnover[t], "0.000")}");
            }
        }

        return plot.Finish();
    }

    /// <summary>
    /// Weights over time as stacked areas: the largest columns by mean |weight| separately, the rest as "other";
    /// long weights stack upwards from 0, short weights downwards.
    /// </summary>
    public static string Weights(TearSheet sheet, WeightHistory history)
    {
        int n = sheet.Dates.Length;
        (string[] names, double[][] series) = WeightSeries.Top(history, n, sheet.Charts.WeightSeries);
        var plot = new SvgPlot("weights", "Weights over time (stacked)", 280);
        double[] up = new double[n], down = new double[n];
        double max = 0, min = 0;
        for (int t = 0; t < n; t++)
        {
            double pos = 0, neg = 0;
            foreach (double[] s in series)
            {
                pos += Math.Max(s[t], 0);
                neg += Math.Min(s[t], 0);
            }

            max = Math.Max(max, pos);
            min = Math.Min(min, neg);
        }

        plot.XDomain(n - 1);
        plot.YDomain(min, max);
        plot.Frame(MetricTable.Percent, MetricTable.Date(sheet.Dates[0]), MetricTable.Date(sheet.Dates[^1]));
        var legend = new List<(string, string)>(names.Length);
        double[] lower = new double[n], upper = new double[n];
        for (int k = 0; k < series.Length; k++)
        {
            string color = ChartColors.Category(k);
            for (int t = 0; t < n; t++)
            {
                double w = series[k][t];
                double[] stack = w >= 0 ? up : down;
                lower[t] = stack[t];
                upper[t] = stack[t] + w;
                stack[t] = upper[t];
            }

            plot.Band(lower, upper, 0, color, names[k], 0.8);
            legend.Add((names[k], color));
        }

        plot.Legend(legend);
        return plot.Finish();
    }

    private static (string, string)[] Legend(TearSheet sheet) =>
        sheet.Input.Benchmark is { } b ? [("strategy", ChartColors.Strategy), (b.Name, ChartColors.Benchmark)] : [("strategy", ChartColors.Strategy)];

    private static double[] Transform(double[] equity, bool log)
    {
        double[] result = new double[equity.Length];
        for (int t = 0; t < equity.Length; t++)
        {
            result[t] = log ? (equity[t] > 0 ? Math.Log(equity[t]) : double.NaN) : equity[t] - 1.0;
        }

        return result;
    }

    /// <summary>The finite min and max over one or two series (0 and 0 when none is finite).</summary>
    internal static (double Min, double Max) Range(double[] a, double[]? b)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double[]? s in (ReadOnlySpan<double[]?>)[a, b])
        {
            foreach (double v in s ?? [])
            {
                if (double.IsFinite(v))
                {
                    (min, max) = (Math.Min(min, v), Math.Max(max, v));
                }
            }
        }

        return double.IsFinite(min) ? (min, max) : (0, 0);
    }
}
