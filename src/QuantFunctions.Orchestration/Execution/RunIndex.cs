using System.Globalization;
using System.Text;
using System.Text.Json;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// A run's <c>_meta/{scope}/runs/{run_id}/INDEX.md</c> (seed 000 §3 item 12): the run id, pipeline, version, kind and
/// status, the as-of and seed, the risk profiles the nodes resolved, the resolved parameters (pipeline parameters,
/// overrides, each manifest node's bound parameters), and a link to every artifact the run wrote — its records
/// (<c>run.json</c>, the manifest copy, <c>audit.jsonl</c>, <c>forensic_trace.json</c>), each node's <c>stage.json</c>
/// and outputs. Plan order throughout and no wall-clock time, attempt count or trace id, so the same run over the same
/// lake content writes the same bytes. Written when the run completes, by the local runner and the Durable steps alike.
/// </summary>
public static class RunIndex
{
    /// <summary>Renders the index.</summary>
    /// <param name="run">The completed run.</param>
    /// <param name="settings">Its seed, as-of, overrides and declared values.</param>
    /// <param name="plan">Its plan.</param>
    /// <param name="records">Every node's record, by key.</param>
    /// <returns>The Markdown.</returns>
    public static string Render(RunRecord run, RunSettings settings, ExecutionPlan plan, IReadOnlyDictionary<string, StageRecord> records)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        CultureInfo c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(c, $"# Run {run.RunId}\n\n");
        md.Append("| field | value |\n| --- | --- |\n");
        md.Append(c, $"| run id | `{run.RunId}` |\n| scope | `{run.Scope}` |\n| pipeline | `{run.PipelineId}` |\n| version | {run.PipelineVersion} |\n");
        md.Append(c, $"| kind | {run.Kind.ToString().ToLowerInvariant()} |\n| status | {run.Status.ToString().ToLowerInvariant()} |\n");
        md.Append(c, $"| as-of | {settings.AsOf.ToString("O", c)} |\n| seed | {settings.Seed} |\n");
        md.Append(c, $"| manifest hash | `{run.ManifestHash}` |\n| parameters hash | `{run.ParamsHash}` |\n\n");

        md.Append("## Risk profiles (resolved)\n\n");
        var profiled = plan.Nodes.Where(n => records.TryGetValue(n.Key, out StageRecord? r) && r.RiskProfile is not null).ToList();
        if (profiled.Count == 0)
        {
            md.Append("No node of this run resolves a risk profile.\n\n");
        }
        else
        {
            md.Append("| node | risk profile |\n| --- | --- |\n");
            foreach (PlanNode node in profiled)
            {
                md.Append(c, $"| `{node.Key}` | {Cell(records[node.Key].RiskProfile!)} |\n");
            }

            md.Append('\n');
        }

        md.Append("## Parameters (resolved)\n\n");
        md.Append("Pipeline parameters (manifest defaults, then `--param` overrides, then `--set` values):\n\n");
        if (plan.PipelineParameters.Count == 0)
        {
            md.Append("none declared\n\n");
        }
        else
        {
            md.Append("| name | value |\n| --- | --- |\n");
            foreach ((string name, JsonElement value) in plan.PipelineParameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                md.Append(c, $"| `{name}` | `{Cell(value.GetRawText())}` |\n");
            }

            md.Append('\n');
        }

        md.Append(c, $"Overrides: {(settings.Overrides.Count == 0 ? "none" : string.Join(", ", settings.Overrides.Select(o => $"`{Cell(o)}`")))}. ");
        md.Append(c, $"Set values: {(settings.Parameters.Count == 0 ? "none" : string.Join(", ", settings.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"`{Cell(p.Key)}={Cell(p.Value)}`")))}.\n\n");
        md.Append("Each manifest node's bound parameters (every instance of a fanned-out node shares them):\n\n| node | stage | parameters |\n| --- | --- | --- |\n");
        foreach (PlanNode node in plan.Nodes.DistinctBy(n => n.NodeId))
        {
            md.Append(c, $"| `{node.NodeId}` | `{node.StageId}` | `{Cell(node.ParametersJson)}` |\n");
        }

        md.Append("\n## Artifacts\n\n");
        md.Append(c, $"- run record: [{Name(LakePathResolver.RunRecord(run.Scope, run.RunId))}](run.json)\n");
        md.Append(c, $"- manifest copy: `{LakePathResolver.PipelineManifest(run.Scope, run.PipelineId, run.PipelineVersion)}`\n");
        md.Append("- audit ledger: [audit.jsonl](audit.jsonl)\n");
        md.Append("- forensic trace: [forensic_trace.json](forensic_trace.json)\n\n");
        md.Append("| node | status | stage.json | outputs |\n| --- | --- | --- | --- |\n");
        foreach (PlanNode node in plan.Nodes)
        {
            StageRecord? record = records.GetValueOrDefault(node.Key);
            string status = (record?.Status ?? NodeStatus.Pending).ToString().ToLowerInvariant();
            string stage = "stages/" + NodeKey.Parse(node.Key).ToPathSegment() + "/stage.json";
            string outputs = record is null || record.Outputs.Count == 0
                ? "—"
                : string.Join("<br>", record.Outputs.Select(o => $"{Cell(o.Name)}: `{o.Path}`"));
            md.Append(c, $"| `{node.Key}` | {status} | [stage.json]({stage}) | {outputs} |\n");
        }

        return md.ToString();
    }

    private static string Name(LakePath path) => path.Value[(path.Value.LastIndexOf('/') + 1)..];

    /// <summary>Text safe inside a Markdown table cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
