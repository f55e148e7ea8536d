using System.Text;
using System.Text.Json.Nodes;

namespace QuantFunctions.Stages.Promotion;

/// <summary>JSON and Markdown forms of gate results.</summary>
public static class GateJson
{
    /// <summary>The stable spelling of a status: <c>PASS</c>, <c>FAIL</c>, <c>MISSING</c>, <c>WAIVED</c>.</summary>
    public static string Name(GateStatus status) => status switch
    {
        GateStatus.Pass => "PASS",
        GateStatus.Fail => "FAIL",
        GateStatus.Missing => "MISSING",
        _ => "WAIVED",
    };

    /// <summary>The results as a JSON array of <c>{gate, status, evidence, detail}</c>.</summary>
    public static JsonArray ToJson(IEnumerable<GateResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var array = new JsonArray();
        foreach (GateResult r in results)
        {
            array.Add(new JsonObject { ["gate"] = r.Gate, ["status"] = Name(r.Status), ["evidence"] = r.Evidence, ["detail"] = r.Detail });
        }

        return array;
    }

    /// <summary>A Markdown table of the results under a title.</summary>
    public static string ToMarkdown(string title, IEnumerable<GateResult> results, bool passed)
    {
        ArgumentNullException.ThrowIfNull(results);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(title).AppendLine();
        md.Append("**").Append(passed ? "PROMOTABLE" : "NOT PROMOTABLE").AppendLine("**").AppendLine();
        md.AppendLine("| gate | status | evidence | detail |").AppendLine("| --- | --- | --- | --- |");
        foreach (GateResult r in results)
        {
            md.Append("| ").Append(r.Gate).Append(" | ").Append(Name(r.Status)).Append(" | `").Append(r.Evidence).Append("` | ").Append(r.Detail.Replace("|", "\\|", StringComparison.Ordinal)).AppendLine(" |");
        }

        return md.ToString();
    }
}
