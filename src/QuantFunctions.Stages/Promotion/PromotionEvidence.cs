using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Stages.Promotion;

/// <summary>
/// Where <c>quant promote</c> looks for evidence written by other parts of the platform. The scoreboard and simulator
/// files are written by the tournament and simulator work; until they exist the gates report MISSING.
/// </summary>
public static class PromotionEvidence
{
    /// <summary>The gate ids, in checklist order (seed 002 §4, seed 000 §3 item 20).</summary>
    public static IReadOnlyList<string> Gates { get; } =
        ["reproducible_selection", "data_health", "strict_scoreboard", "baseline_rows", "simulator_sanity", "orders", "paper_burn_in", "coverage_evidence"];

    /// <summary>
    /// The strict scoreboard of the run: <c>gold/{meta}/{pipeline}/version={v}/scoreboard/run={run_id}/scoreboard.json</c>,
    /// <c>{"rows": [{"candidate": string, "baseline": bool, "strict": bool}, …]}</c>.
    /// </summary>
    public static LakePath Scoreboard(RunRecord run, string meta)
    {
        ArgumentNullException.ThrowIfNull(run);
        return LakePathResolver.GoldFile(LakeIdentifier.Parse(meta, "meta"), run.PipelineId, run.PipelineVersion, LakeIdentifier.Parse("scoreboard"), run.RunId, "scoreboard.json");
    }

    /// <summary>
    /// The simulator matrix sanity of the run: <c>gold/{meta}/{pipeline}/version={v}/simulators/run={run_id}/parity.json</c>,
    /// <c>{"within_bounds": bool, "detail": string?}</c> (parity and friction of T1/T2/T3 within their bounds).
    /// </summary>
    public static LakePath SimulatorParity(RunRecord run, string meta)
    {
        ArgumentNullException.ThrowIfNull(run);
        return LakePathResolver.GoldFile(LakeIdentifier.Parse(meta, "meta"), run.PipelineId, run.PipelineVersion, LakeIdentifier.Parse("simulators"), run.RunId, "parity.json");
    }
}
