using System.Globalization;

namespace QuantFunctions.Core.Reporting;

/// <summary>The charts of the artifacts around a sleeve: the selection funnel and the regime.</summary>
internal static class ContextCharts
{
    /// <summary>The funnel: one horizontal bar per step, its length the remaining count.</summary>
    public static string Funnel(SelectionFunnel funnel)
    {
        const double Row = 24, Head = 32;
        var plot = new SvgPlot("selection-funnel", $"Selection funnel ({funnel.Standard})", (int)(Head + (funnel.Stages.Count * Row) + 12));
        long max = 1;
        foreach (FunnelStage s in funnel.Stages)
        {
            max = Math.Max(max, s.Count);
        }

        double left = SvgPlot.PlotLeft + 110, right = SvgPlot.PlotRight - 60;
        for (int k = 0; k < funnel.Stages.Count; k++)
        {
            FunnelStage s = funnel.Stages[k];
            double top = Head + (k * Row), length = (right - left) * s.Count / max;
            string count = s.Count.ToString(CultureInfo.InvariantCulture);
            plot.Text(left - 6, top + 16, "end", s.Name);
            plot.Rect(left, top + 3, left + length, top + Row - 3, ChartColors.Strategy, $"{s.Name}: {count}", 0.85);
            plot.Text(left + length + 6, top + 16, "start", count);
        }

        return plot.Finish();
    }

    /// <summary>The regime over time: one coloured strip for the label, one for the volatility quadrant, a run of equal values per rectangle.</summary>
    public static string Regime(RegimeView regime)
    {
        var plot = new SvgPlot("regime", $"Regime ({regime.ModelId} {regime.Version}): now {regime.Label}, {regime.Quadrant}", 150);
        IReadOnlyList<RegimePoint> s = regime.Series;
        plot.XDomain(s.Count);
        plot.YDomain(0, 2);
        plot.Text(SvgPlot.PlotLeft - 6, plot.Y(1.5) + 4, "end", "label");
        plot.Text(SvgPlot.PlotLeft - 6, plot.Y(0.5) + 4, "end", "quadrant");
        plot.Text(SvgPlot.PlotLeft, plot.PlotBottom + 18, "start", MetricTable.Date(s[0].Date));
        plot.Text(SvgPlot.PlotRight, plot.PlotBottom + 18, "end", MetricTable.Date(s[^1].Date));
        var colors = new Dictionary<string, string>(StringComparer.Ordinal);
        var legend = new List<(string, string)>();
        Strip(plot, s, static p => p.Label, 1, 2, colors, legend);
        Strip(plot, s, static p => p.Quadrant, 0, 1, colors, legend);
        plot.Legend(legend);
        return plot.Finish();
    }

    private static void Strip(SvgPlot plot, IReadOnlyList<RegimePoint> s, Func<RegimePoint, string> value, double y0, double y1, Dictionary<string, string> colors, List<(string, string)> legend)
    {
        int start = 0;
        for (int i = 1; i <= s.Count; i++)
        {
            if (i < s.Count && value(s[i]) == value(s[start]))
            {
                continue;
            }

            string v = value(s[start]);
            if (!colors.TryGetValue(v, out string? color))
            {
                color = ChartColors.Category(colors.Count);
                colors[v] = color;
                legend.Add((v, color));
            }

            plot.Rect(plot.X(start), plot.Y(y1) + 2, plot.X(i), plot.Y(y0) - 2, color, $"{v}: {MetricTable.Date(s[start].Date)} → {MetricTable.Date(s[i - 1].Date)}", 0.85);
            start = i;
        }
    }
}
