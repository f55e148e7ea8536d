using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Selection;

/// <summary>A sleeve's selection, explainable asset by asset: every candidate with its score, cluster and vetoes, each HTR stage's survivors, the winners and the funnel.</summary>
/// <param name="AsOf">The decision date (the last return that could be used).</param>
/// <param name="Standard">The standard as configured (e.g. <c>v4</c>).</param>
/// <param name="Direction">The sleeve's direction; scores are oriented to it.</param>
/// <param name="Candidates">Every universe asset, symbol order.</param>
/// <param name="Stages">The HTR stages run, in order, with their survivors (the last is <paramref name="Stage"/>).</param>
/// <param name="Stage">The HTR stage reached.</param>
/// <param name="Winners">The selected assets, best score first.</param>
/// <param name="Floor">The winner floor HTR relaxed towards.</param>
/// <param name="Funnel">Assets left after each step, universe to winners.</param>
/// <param name="Gate">What the Foundation Gate found.</param>
/// <param name="ClusterCount">Ward clusters formed among the gate's survivors.</param>
public sealed record SelectionResult(
    DateOnly AsOf,
    string Standard,
    Direction Direction,
    IReadOnlyList<SelectionCandidate> Candidates,
    IReadOnlyList<HtrStageResult> Stages,
    HtrStage Stage,
    IReadOnlyList<string> Winners,
    int Floor,
    IReadOnlyList<FunnelCount> Funnel,
    FoundationGateResult Gate,
    int ClusterCount)
{
    /// <summary>Whether at least <see cref="Floor"/> winners were found; false only when fewer healthy candidates exist (never padded).</summary>
    public bool FloorMet => Winners.Count >= Floor;
}
