using System.Globalization;
using System.Text;

namespace QuantFunctions.Core.Tournaments;

/// <summary>The scoreboard as Markdown: the verdict, the gates, then every row by rank (baselines marked).</summary>
public static class ScoreboardRenderer
{
    /// <summary>Renders the scoreboard.</summary>
    public static string ToMarkdown(string title, IReadOnlyList<ScoreboardRow> rows, ScoreboardGates gates)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(gates);
        var md = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        md.Append(c, $"# Tournament scoreboard — {title}\n\n");
        md.Append(c, $"**{Scoreboard.Verdict(rows)}**\n\n");
        md.Append(c, $"Strict gates: net Sharpe ≥ {gates.MinSharpe:0.##}, max drawdown ≤ {gates.MaxDrawdown:P0}, windows ≥ {gates.MinWindows}, ");
        md.Append(c, $"winners ≥ {gates.MinWinners} in every window{(gates.RequireIntegrity ? ", directional integrity in every window" : string.Empty)}; ");
        md.Append("a strict candidate also beats every baseline's net Sharpe.\n\n");
        md.Append("| rank | cell | net Sharpe | gross Sharpe | friction decay | CAGR | vol | max DD | turnover/yr | windows | fragility | min winners | failed gates |\n");
        md.Append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (ScoreboardRow r in rows)
        {
            string id = r.IsBaseline ? $"*{r.Id}* (baseline)" : r.IsStrictCandidate ? $"**{r.Id}**" : r.Id;
            string failed = r.IsBaseline ? "reference" : r.FailedGates.Count == 0 ? (r.BeatsBaselines ? "—" : "below baseline") : string.Join(", ", r.FailedGates);
            md.Append(c, $"| {r.Rank} | {id} | {r.Sharpe:F2} | {r.GrossSharpe:F2} | {r.FrictionDecay:F2} | {r.Cagr:P2} | {r.Volatility:P2} | {r.MaxDrawdown:P2} | {r.AnnualTurnover:F1} | {r.Windows} | {r.Fragility:F2} | {r.MinWinners} | {failed} |\n");
        }

        return md.ToString();
    }
}
