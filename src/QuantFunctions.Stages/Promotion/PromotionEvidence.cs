using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Validation;

namespace QuantFunctions.Stages.Promotion;

/// <summary>
/// Where <c>quant promote</c> looks for evidence written by other parts of the platform: the tournament's strict
/// scoreboard (<c>--tournament RUN</c>) and the run's simulator parity record (<c>validate.parity</c>); a file that does
/// not exist makes its gate MISSING.
/// </summary>
public static class PromotionEvidence
{
    /// <summary>The gate ids, in checklist order (seed 002 §4, seed 000 §3 item 20).</summary>
    public static IReadOnlyList<string> Gates { get; } =
        ["reproducible_selection", "data_health", "strict_scoreboard", "baseline_rows", "simulator_sanity", "orders", "paper_burn_in", "coverage_evidence"];

    /// <summary>
    /// The strict scoreboard behind the run: with <see cref="PromotionOptions.Tournament"/>, the <c>scoreboard_json</c> output
    /// of that tournament run (<c>gold/{tournament}/{pipeline}/version={v}/scoreboard/run={tournament run}/scoreboard.json</c>,
    /// null when the run recorded none); without, <c>gold/{meta}/{pipeline}/version={v}/scoreboard/run={run_id}/scoreboard.json</c>
    /// of the run itself. Either is <c>{"rows": [{"baseline": bool, "strict": bool, …}, …]}</c>.
    /// </summary>
    public static LakePath? Scoreboard(RunRecord run, PromotionOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Tournament is { } tournament)
        {
            foreach (NodeState node in tournament.Nodes)
            {
                foreach (OutputLocation output in node.Outputs)
                {
                    if (output.Name == "scoreboard_json")
                    {
                        return output.Path;
                    }
                }
            }

            return null;
        }

        return LakePathResolver.GoldFile(LakeIdentifier.Parse(options.Meta, "meta"), run.PipelineId, run.PipelineVersion, LakeIdentifier.Parse("scoreboard"), run.RunId, "scoreboard.json");
    }

    /// <summary>
    /// The simulator matrix sanity of the run, written by its <c>validate.parity</c> node:
    /// <c>gold/{meta}/{pipeline}/version={v}/simulators/run={run_id}/parity.json</c>, <c>{"within_bounds": bool, "detail": string?, …}</c>
    /// (T1/T2/T3 frictionless agreement, T2 vs T3 with friction and friction decay within their bounds).
    /// </summary>
    public static LakePath SimulatorParity(RunRecord run, string meta)
    {
        ArgumentNullException.ThrowIfNull(run);
        return LakePathResolver.GoldFile(LakeIdentifier.Parse(meta, "meta"), run.PipelineId, run.PipelineVersion, LakeIdentifier.Parse(ParityStage.Dataset), run.RunId, ParityStage.FileName);
    }
}
