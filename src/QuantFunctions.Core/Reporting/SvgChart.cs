using System.Globalization;
using System.Text;

namespace QuantFunctions.Core.Reporting;

/// <summary>Deterministic inline SVG line and area charts (pure string building, invariant culture).</summary>
internal static class SvgChart
{
    private const int Width = 760;
    private const int Height = 220;
    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 12;
    private const int Bottom = 28;

    /// <summary>A line chart; when <paramref name="fillToZero"/> the area between the line and 0 is filled.</summary>
    public static string Render(string label, DateOnly[] dates, double[] values, string color, bool fillToZero, Func<double, string> formatAxis)
    {
        var sb = new StringBuilder(64 + (values.Length * 16));
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        if (values.Length == 0)
        {
            return sb.Append("<text x=\"10\" y=\"20\">no data</text></svg>").ToString();
        }

        double min = values[0], max = values[0];
        foreach (double v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (fillToZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }

        if (max - min < 1e-12)
        {
            max = min + 1e-12;
        }

        double plotW = Width - Left - Right, plotH = Height - Top - Bottom;
        double X(int i) => Left + (values.Length == 1 ? plotW / 2 : plotW * i / (values.Length - 1));
        double Y(double v) => Top + (plotH * (max - v) / (max - min));
        AxisLine(sb, Left, Top + plotH, Left + plotW, Top + plotH);
        AxisLine(sb, Left, Top, Left, Top + plotH);
        Text(sb, Left - 6, Top + 4, "end", formatAxis(max));
        Text(sb, Left - 6, Top + plotH, "end", formatAxis(min));
        Text(sb, Left, Height - 8, "start", MetricTable.Date(dates[0]));
        Text(sb, Left + plotW, Height - 8, "end", MetricTable.Date(dates[^1]));
        var points = new StringBuilder(values.Length * 14);
        for (int i = 0; i < values.Length; i++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : " ")}{X(i):0.##},{Y(values[i]):0.##}");
        }

        if (fillToZero)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<polygon fill=\"{color}\" fill-opacity=\"0.35\" stroke=\"none\" points=\"{X(0):0.##},{Y(0):0.##} {points} {X(values.Length - 1):0.##},{Y(0):0.##}\"/>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{points}\"/>");
        return sb.Append("</svg>").ToString();
    }

    private static void AxisLine(StringBuilder sb, double x1, double y1, double x2, double y2) =>
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\" stroke=\"#888888\" stroke-width=\"1\"/>");

    private static void Text(StringBuilder sb, double x, double y, string anchor, string text) =>
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" font-size=\"11\" font-family=\"sans-serif\" fill=\"#444444\" text-anchor=\"{anchor}\">{text}</text>");
}
