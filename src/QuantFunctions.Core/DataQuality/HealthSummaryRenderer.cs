using System.Globalization;
using System.Text;

namespace QuantFunctions.Core.DataQuality;

/// <summary>Renders audit results as a Markdown summary: counts by status, counts by rule, a per-symbol table.</summary>
/// <remarks>Deterministic: symbols in input order, rules in enum order; statuses spelled HEALTHY / DEGRADED / DROPPED.</remarks>
public static class HealthSummaryRenderer
{
    /// <summary>Renders <paramref name="results"/> under the heading <paramref name="title"/>.</summary>
    /// <param name="results">Audit results.</param>
    /// <param name="title">Level-1 heading text.</param>
    /// <returns>The Markdown text.</returns>
    public static string Render(IReadOnlyList<SymbolHealth> results, string title = "Data health summary")
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(title);
        var statusCounts = new int[3];
        int ruleCount = Enum.GetValues<HealthRule>().Length;
        var reasonCounts = new int[ruleCount];
        var symbolCounts = new int[ruleCount];
        var seen = new bool[ruleCount];
        foreach (SymbolHealth health in results)
        {
            statusCounts[(int)health.Status]++;
            Array.Clear(seen);
            foreach (HealthReason reason in health.Reasons)
            {
                reasonCounts[(int)reason.Rule]++;
                if (!seen[(int)reason.Rule])
                {
                    seen[(int)reason.Rule] = true;
                    symbolCounts[(int)reason.Rule]++;
                }
            }
        }

        var md = new StringBuilder();
        md.Append("# ").AppendLine(title).AppendLine();
        md.AppendLine(Invariant($"{results.Count} symbols: {statusCounts[0]} HEALTHY, {statusCounts[1]} DEGRADED, {statusCounts[2]} DROPPED."));
        md.AppendLine().AppendLine("## Reasons by rule").AppendLine();
        md.AppendLine("| rule | symbols | reasons |").AppendLine("| --- | ---: | ---: |");
        for (int r = 0; r < ruleCount; r++)
        {
            if (reasonCounts[r] > 0)
            {
                md.AppendLine(Invariant($"| {(HealthRule)r} | {symbolCounts[r]} | {reasonCounts[r]} |"));
            }
        }

        md.AppendLine().AppendLine("## Symbols").AppendLine();
        md.AppendLine("| symbol | status | reasons |").AppendLine("| --- | --- | --- |");
        foreach (SymbolHealth health in results)
        {
            md.Append("| ").Append(Escape(health.Symbol)).Append(" | ").Append(StatusName(health.Status)).Append(" | ");
            if (health.Reasons.Count == 0)
            {
                md.Append('—');
            }

            for (int i = 0; i < health.Reasons.Count; i++)
            {
                HealthReason reason = health.Reasons[i];
                md.Append(i > 0 ? "<br>" : string.Empty).Append(reason.Rule.ToString());
                if (reason.Timestamp is { } ts)
                {
                    md.Append(Invariant($" @ {ts:yyyy-MM-dd}"));
                }

                md.Append(": ").Append(Escape(reason.Detail));
            }

            md.AppendLine(" |");
        }

        return md.ToString();
    }

    /// <summary>The upper-case status name used in reports and datasets.</summary>
    /// <param name="status">The status.</param>
    /// <returns>HEALTHY, DEGRADED or DROPPED.</returns>
    public static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "HEALTHY",
        HealthStatus.Degraded => "DEGRADED",
        HealthStatus.Dropped => "DROPPED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown health status."),
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
