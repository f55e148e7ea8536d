using System.Globalization;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>The tear sheet's period and distribution charts: end-of-year returns, monthly heatmap, return histogram.</summary>
internal static class DistributionCharts
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Compounded return per calendar year as bars, strategy and benchmark side by side.</summary>
    public static string EndOfYear(TearSheet sheet)
    {
        PeriodReturn[] yearly = PeriodReturns.Aggregate(sheet.Dates, sheet.Input.Returns, ReturnPeriod.Year);
        int[] years = Array.ConvertAll(yearly, static y => y.Start.Year);
        double[] strategy = Array.ConvertAll(yearly, static y => y.Return);
        double[]? benchmark = sheet.Input.Benchmark is { } b ? Array.ConvertAll(PeriodReturns.Aggregate(sheet.Dates, b.Returns, ReturnPeriod.Year), static y => y.Return) : null;
        var plot = new SvgPlot("eoy-returns", "End-of-year returns vs benchmark");
        (double min, double max) = TimeSeriesCharts.Range(strategy, benchmark);
        plot.XDomain(years.Length);
        plot.YDomain(Math.Min(min, 0), Math.Max(max, 0));
        plot.Frame(MetricTable.Percent, string.Empty, string.Empty);
        double slot = plot.X(1) - plot.X(0);
        double bar = benchmark is null ? slot * 0.6 : slot * 0.35;
        for (int k = 0; k < years.Length; k++)
        {
            double x = plot.X(k) + (slot * 0.15);
            string year = years[k].ToString(CultureInfo.InvariantCulture);
            plot.Rect(x, plot.Y(0), x + bar, plot.Y(strategy[k]), ChartColors.Strategy, $"{year} strategy: {MetricTable.Percent(strategy[k])}");
            if (benchmark is not null)
            {
                plot.Rect(x + bar, plot.Y(0), x + (2 * bar), plot.Y(benchmark[k]), ChartColors.Benchmark, $"{year} benchmark: {MetricTable.Percent(benchmark[k])}");
            }

            plot.Text(plot.X(k) + (slot / 2), plot.PlotBottom + 14, "middle", year);
        }

        plot.Legend(sheet.Input.Benchmark is { } bb ? [("strategy", ChartColors.Strategy), (bb.Name, ChartColors.Benchmark)] : [("strategy", ChartColors.Strategy)]);
        return plot.Finish();
    }

    /// <summary>Compounded return per calendar month: one row per year, one column per month, green gains and red losses scaled to the largest |return|.</summary>
    public static string MonthlyHeatmap(TearSheet sheet)
    {
        PeriodReturn[] monthly = PeriodReturns.Aggregate(sheet.Dates, sheet.Input.Returns, ReturnPeriod.Month);
        int[] months = Array.ConvertAll(monthly, static m => (m.Start.Year * 12) + m.Start.Month - 1);
        double[] values = Array.ConvertAll(monthly, static m => m.Return);
        int firstYear = months[0] / 12, years = (months[^1] / 12) - firstYear + 1;
        const double Row = 22, Head = 44;
        var plot = new SvgPlot("monthly-heatmap", "Monthly returns (%)", (int)(Head + (years * Row) + 12));
        double scale = 0;
        foreach (double v in values)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        double cell = (SvgPlot.PlotRight - SvgPlot.PlotLeft) / 12;
        for (int m = 0; m < 12; m++)
        {
            plot.Text(SvgPlot.PlotLeft + ((m + 0.5) * cell), Head - 6, "middle", MonthNames[m]);
        }

        for (int y = 0; y < years; y++)
        {
            plot.Text(SvgPlot.PlotLeft - 6, Head + (y * Row) + 15, "end", (firstYear + y).ToString(CultureInfo.InvariantCulture));
        }

        for (int k = 0; k < months.Length; k++)
        {
            int y = (months[k] / 12) - firstYear, m = months[k] % 12;
            double x = SvgPlot.PlotLeft + (m * cell), top = Head + (y * Row);
            double intensity = scale > 0 ? Math.Abs(values[k]) / scale : 0;
            string label = $"{firstYear + y}-{m + 1:00}";
            plot.Rect(x + 1, top + 1, x + cell - 1, top + Row - 1, values[k] >= 0 ? ChartColors.Gain : ChartColors.Loss, $"{label}: {MetricTable.Percent(values[k])}", 0.1 + (0.8 * intensity));
            plot.Text(x + (cell / 2), top + 15, "middle", MetricTable.Number(values[k] * 100, "0.0"), 10, "#111111");
        }

        return plot.Finish();
    }

    /// <summary>Histogram of periodic returns over bins spanning strategy and benchmark, benchmark bars behind.</summary>
    public static string Distribution(TearSheet sheet)
    {
        double[] strategy = sheet.Input.Returns;
        double[]? benchmark = sheet.Input.Benchmark?.Returns;
        (double lo, double hi) = TimeSeriesCharts.Range(strategy, benchmark);
        int bins = sheet.Charts.HistogramBins;
        double width = hi > lo ? (hi - lo) / bins : 1;
        int[] s = Counts(strategy, lo, width, bins);
        int[]? bc = benchmark is null ? null : Counts(benchmark, lo, width, bins);
        int top = 0;
        for (int k = 0; k < bins; k++)
        {
            top = Math.Max(top, Math.Max(s[k], bc?[k] ?? 0));
        }

        var plot = new SvgPlot("return-distribution", "Distribution of periodic returns");
        plot.XDomain(bins);
        plot.YDomain(0, top);
        plot.Frame(static v => MetricTable.Number(v, "0"), MetricTable.Percent(lo), MetricTable.Percent(hi));
        for (int k = 0; k < bins; k++)
        {
            string range = $"{MetricTable.Percent(lo + (k * width))} … {MetricTable.Percent(lo + ((k + 1) * width))}";
            if (bc is not null && bc[k] > 0)
            {
                plot.Rect(plot.X(k), plot.Y(0), plot.X(k + 1), plot.Y(bc[k]), ChartColors.Benchmark, $"benchmark {range}: {bc[k]}", 0.5);
            }

            if (s[k] > 0)
            {
                plot.Rect(plot.X(k) + 1, plot.Y(0), plot.X(k + 1) - 1, plot.Y(s[k]), ChartColors.Strategy, $"strategy {range}: {s[k]}", 0.75);
            }
        }

        plot.Legend(sheet.Input.Benchmark is { } b ? [("strategy", ChartColors.Strategy), (b.Name, ChartColors.Benchmark)] : [("strategy", ChartColors.Strategy)]);
        return plot.Finish();
    }

    /// <summary>Counts per bin <c>[lo + k·width, lo + (k+1)·width)</c>; the maximum falls in the last bin.</summary>
    internal static int[] Counts(ReadOnlySpan<double> values, double lo, double width, int bins)
    {
        int[] counts = new int[bins];
        foreach (double v in values)
        {
            counts[Math.Clamp((int)Math.Floor((v - lo) / width), 0, bins - 1)]++;
        }

        return counts;
    }
}
