using System.Globalization;
using System.Net;
using System.Text;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Reporting;

/// <summary>
/// Renders a <see cref="TearSheet"/> as Markdown or as one self-contained HTML page with inline SVG
/// equity and drawdown charts (no scripts, no external resources). Output is deterministic: the
/// same tear sheet gives the same bytes, numbers use the invariant culture.
/// </summary>
public static class TearSheetRenderer
{
    /// <summary>Renders Markdown: a title, the metric table and the equity low/high points.</summary>
    /// <param name="sheet">The tear sheet.</param>
    /// <returns>Markdown text ending with a newline.</returns>
    /// <exception cref="DomainValidationException">When dates, equity and drawdown lengths differ.</exception>
    public static string ToMarkdown(TearSheet sheet)
    {
        Check(sheet);
        var sb = new StringBuilder();
        sb.Append("# ").Append(sheet.Title).Append('\n').Append('\n');
        sb.Append("| Metric | Value |\n|---|---:|\n");
        foreach ((string label, string value) in MetricTable.Rows(sheet))
        {
            sb.Append("| ").Append(label).Append(" | ").Append(value).Append(" |\n");
        }

        if (sheet.Equity.Length > 0)
        {
            int trough = IndexOfMin(sheet.Drawdown);
            sb.Append('\n')
              .Append(CultureInfo.InvariantCulture, $"Final equity {MetricTable.Number(sheet.Equity[^1], "0.0000")} (start 1). ")
              .Append(CultureInfo.InvariantCulture, $"Deepest drawdown {MetricTable.Percent(sheet.Drawdown[trough])} on {MetricTable.Date(sheet.Dates[trough])}.\n");
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
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title).Append("</title>\n")
          .Append("<style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse}")
          .Append("td,th{border:1px solid #ddd;padding:4px 10px}td.v{text-align:right;font-variant-numeric:tabular-nums}</style>\n")
          .Append("</head>\n<body>\n<h1>").Append(title).Append("</h1>\n<table>\n<tr><th>Metric</th><th>Value</th></tr>\n");
        foreach ((string label, string value) in MetricTable.Rows(sheet))
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(label)).Append("</td><td class=\"v\">").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n<h2>Equity</h2>\n")
          .Append(SvgChart.Render("Equity curve", sheet.Dates, sheet.Equity, "#1f77b4", false, v => MetricTable.Number(v, "0.000")))
          .Append("\n<h2>Drawdown</h2>\n")
          .Append(SvgChart.Render("Drawdown", sheet.Dates, sheet.Drawdown, "#d62728", true, MetricTable.Percent))
          .Append("\n</body>\n</html>\n");
        return sb.ToString();
    }

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
