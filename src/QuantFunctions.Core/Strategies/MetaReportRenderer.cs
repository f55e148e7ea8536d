using System.Globalization;
using System.Text;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Strategies;

/// <summary>
/// <c>meta_portfolio_report.md</c> (seed 000 §3 items 9–11): the completeness table, the directional sign test, the
/// sleeve weights and the forensic trace reference. <see cref="Validate"/> refuses a report that lacks a required
/// section or whose section is empty, so a report is never published without them.
/// </summary>
public static class MetaReportRenderer
{
    /// <summary>The sections every report must have, in order.</summary>
    public static IReadOnlyList<string> RequiredSections { get; } = ["Completeness", "Directional sign test", "Sleeve weights", "Forensic trace"];

    /// <summary>Renders and validates the report.</summary>
    /// <exception cref="MetaGateException">Code <see cref="ErrorCodes.MetaReportIncomplete"/>: a required section is missing or empty.</exception>
    public static string Render(MetaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CultureInfo c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(c, $"# Meta-portfolio report — {report.Meta}\n\nRun `{report.RunId}` of {report.Pipeline}, as of {report.AsOf}.\n\n");
        md.Append("## Completeness\n\n| sleeve | source run | days | observed | first | last |\n| --- | --- | ---: | ---: | --- | --- |\n");
        foreach (CompletenessRow r in report.Completeness)
        {
            md.Append(c, $"| {r.Sleeve} | {r.SourceRun} | {r.Rows} | {r.Observed} | {r.First:yyyy-MM-dd} | {r.Last:yyyy-MM-dd} |\n");
        }

        md.Append("\n## Directional sign test\n\n| sleeve | declared | atoms checked | atom violations | positions checked | position violations | result |\n| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        foreach (SignTestResult r in report.SignTests)
        {
            md.Append(c, $"| {r.Sleeve} | {r.DeclaredName} | {r.PreChecked} | {r.PreViolations} | {r.PostChecked} | {r.PostViolations} | {(r.Passed ? "pass" : "FAIL: " + r.FirstViolation)} |\n");
        }

        md.Append("\n## Sleeve weights\n\n| sleeve | weight |\n| --- | ---: |\n");
        foreach (KeyValuePair<string, double> w in report.Weights)
        {
            md.Append(c, $"| {w.Key} | {w.Value:P2} |\n");
        }

        md.Append(c, $"\n## Forensic trace\n\nSpans of every node of this run: `{report.ForensicTrace}`; decisions: `{report.AuditLedger}` (verify with `quant ledger verify {report.RunId}`).\n");
        string text = md.ToString();
        Validate(text);
        return text;
    }

    /// <summary>Checks that every <see cref="RequiredSections"/> heading is present and followed by content.</summary>
    /// <exception cref="MetaGateException">Code <see cref="ErrorCodes.MetaReportIncomplete"/>, naming the section.</exception>
    public static void Validate(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        foreach (string section in RequiredSections)
        {
            string heading = "## " + section + "\n";
            int at = markdown.IndexOf(heading, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new MetaGateException(ErrorCodes.MetaReportIncomplete, $"meta_portfolio_report.md: the required section '{section}' is missing.", section);
            }

            int start = at + heading.Length;
            int next = markdown.IndexOf("\n## ", start, StringComparison.Ordinal);
            string body = (next < 0 ? markdown[start..] : markdown[start..next]).Trim();
            if (body.Length == 0)
            {
                throw new MetaGateException(ErrorCodes.MetaReportIncomplete, $"meta_portfolio_report.md: the required section '{section}' is empty.", section);
            }
        }
    }
}
