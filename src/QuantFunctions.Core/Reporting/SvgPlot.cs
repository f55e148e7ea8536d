using System.Globalization;
using System.Net;
using System.Text;

namespace QuantFunctions.Core.Reporting;

/// <summary>
/// One inline SVG chart being drawn: a frame, a value axis and data marks in plot coordinates (invariant culture,
/// two decimals). Data marks carry <c>class="d"</c> so a test can find every chart's drawing.
/// </summary>
internal sealed class SvgPlot
{
    public const int Width = 760;
    private const double Left = 64, Right = 12, Top = 26, Bottom = 28;
    private readonly StringBuilder _sb = new(4096);
    private readonly int _height;
    private double _xMax = 1, _yMin, _yMax = 1;

    public SvgPlot(string chartId, string label, int height = 240)
    {
        _height = height;
        string title = WebUtility.HtmlEncode(label);
        _sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{chartId}\" role=\"img\" aria-label=\"{title}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">");
        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        Text(Left, 16, "start", label, 12, "#222222");
    }

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    public static double PlotTop => Top;

    public double PlotBottom => _height - Bottom;

    /// <summary>Sets the x domain to <c>[0, max]</c> (indices or positions).</summary>
    public void XDomain(double max) => _xMax = Math.Max(max, 1e-12);

    /// <summary>Sets the y domain; a flat range is widened so marks stay visible.</summary>
    public void YDomain(double min, double max)
    {
        if (!(max - min > 1e-12))
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        (_yMin, _yMax) = (min, max);
    }

    public double X(double position) => Left + ((PlotRight - Left) * position / _xMax);

    public double Y(double value) => Top + ((PlotBottom - Top) * (_yMax - value) / (_yMax - _yMin));

    /// <summary>The axes, the y labels at the domain ends, a zero line when 0 is inside, and x labels at both ends.</summary>
    public void Frame(Func<double, string> formatY, string firstX, string lastX)
    {
        Line(Left, PlotBottom, PlotRight, PlotBottom, "#888888");
        Line(Left, Top, Left, PlotBottom, "#888888");
        Text(Left - 6, Top + 4, "end", formatY(_yMax));
        Text(Left - 6, PlotBottom, "end", formatY(_yMin));
        if (_yMin < 0 && _yMax > 0)
        {
            Line(Left, Y(0), PlotRight, Y(0), "#bbbbbb");
            if (Y(0) - Top > 14 && PlotBottom - Y(0) > 14)
            {
                Text(Left - 6, Y(0) + 4, "end", formatY(0));
            }
        }

        Text(Left, _height - 8, "start", firstX);
        Text(PlotRight, _height - 8, "end", lastX);
    }

    /// <summary>A polyline through <c>(X(offset + i), Y(values[i]))</c>; non-finite values break the line.</summary>
    public void Polyline(ReadOnlySpan<double> values, int offset, string color, string series, double strokeWidth = 1.5)
    {
        int i = 0;
        while (i < values.Length)
        {
            while (i < values.Length && !double.IsFinite(values[i]))
            {
                i++;
            }

            int start = i;
            var points = new StringBuilder((values.Length - start) * 14);
            while (i < values.Length && double.IsFinite(values[i]))
            {
                points.Append(CultureInfo.InvariantCulture, $"{(i == start ? string.Empty : " ")}{X(offset + i):0.##},{Y(values[i]):0.##}");
                i++;
            }

            if (i > start)
            {
                _sb.Append(CultureInfo.InvariantCulture, $"<polyline class=\"d\" data-series=\"{series}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{strokeWidth:0.##}\" points=\"{points}\"/>");
            }
        }
    }

    /// <summary>The area between two curves over positions <c>offset …</c> (upper left to right, lower back).</summary>
    public void Band(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int offset, string color, string series, double opacity = 0.35)
    {
        var points = new StringBuilder((lower.Length + upper.Length) * 14);
        for (int i = 0; i < upper.Length; i++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? string.Empty : " ")}{X(offset + i):0.##},{Y(upper[i]):0.##}");
        }

        for (int i = lower.Length - 1; i >= 0; i--)
        {
            points.Append(CultureInfo.InvariantCulture, $" {X(offset + i):0.##},{Y(lower[i]):0.##}");
        }

        _sb.Append(CultureInfo.InvariantCulture, $"<polygon class=\"d\" data-series=\"{series}\" fill=\"{color}\" fill-opacity=\"{opacity:0.##}\" stroke=\"none\" points=\"{points}\"/>");
    }

    /// <summary>A data rectangle between two plot coordinates (any corner order), with a hover title.</summary>
    public void Rect(double x1, double y1, double x2, double y2, string color, string title, double opacity = 1)
    {
        double x = Math.Min(x1, x2), y = Math.Min(y1, y2), w = Math.Max(Math.Abs(x2 - x1), 0.5), h = Math.Max(Math.Abs(y2 - y1), 0.5);
        _sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"d\" x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{w:0.##}\" height=\"{h:0.##}\" fill=\"{color}\" fill-opacity=\"{opacity:0.##}\"><title>{WebUtility.HtmlEncode(title)}</title></rect>");
    }

    /// <summary>A legend entry at the top right; entries are placed right to left in call order.</summary>
    public void Legend(IReadOnlyList<(string Name, string Color)> entries)
    {
        double x = PlotRight;
        for (int i = entries.Count - 1; i >= 0; i--)
        {
            (string name, string color) = entries[i];
            Text(x, 16, "end", name);
            x -= (name.Length * 6.2) + 4;
            _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x - 10:0.##}\" y=\"8\" width=\"10\" height=\"10\" fill=\"{color}\"/>");
            x -= 24;
        }
    }

    public void Line(double x1, double y1, double x2, double y2, string color) =>
        _sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\" stroke=\"{color}\" stroke-width=\"1\"/>");

    public void Text(double x, double y, string anchor, string text, int size = 11, string color = "#444444") =>
        _sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" font-size=\"{size}\" font-family=\"sans-serif\" fill=\"{color}\" text-anchor=\"{anchor}\">{WebUtility.HtmlEncode(text)}</text>");

    public string Finish() => _sb.Append("</svg>").ToString();
}
