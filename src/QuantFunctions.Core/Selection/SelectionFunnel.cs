namespace QuantFunctions.Core.Selection;

/// <summary>
/// The discovery-to-selection funnel as counts: <c>universe</c> (assets in silver), <c>foundation_gate</c>,
/// <c>features</c> (a value for every feature needed), <c>hard_vetoes</c> (healthy: no veto HTR keeps, a finite score),
/// <c>predictability</c> (no veto at all), <c>qualified</c> (the standard's filter too), one <c>htr.{stage}</c> per stage
/// run, and <c>winners</c>.
/// </summary>
public static class SelectionFunnel
{
    /// <summary>Counts the funnel.</summary>
    public static IReadOnlyList<FunnelCount> Count(IReadOnlyList<SelectionCandidate> candidates, FoundationGateResult gate, IReadOnlyList<HtrStageResult> stages)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(stages);
        int withFeatures = 0, healthy = 0, clean = 0, qualified = 0;
        foreach (SelectionCandidate c in candidates)
        {
            withFeatures += !c.GateDropped && !c.Vetoes.Contains(VetoReasons.FeatureMissing) ? 1 : 0;
            healthy += c.Healthy ? 1 : 0;
            clean += c.Healthy && c.Vetoes.Count == 0 ? 1 : 0;
            qualified += c.Healthy && c.Vetoes.Count == 0 && c.Qualified ? 1 : 0;
        }

        var funnel = new List<FunnelCount>
        {
            new("universe", candidates.Count),
            new("foundation_gate", gate.Passed),
            new("features", withFeatures),
            new("hard_vetoes", healthy),
            new("predictability", clean),
            new("qualified", qualified),
        };
        foreach (HtrStageResult s in stages)
        {
            funnel.Add(new FunnelCount("htr." + StageName(s.Stage), s.Survivors.Count));
        }

        funnel.Add(new FunnelCount("winners", stages.Count == 0 ? 0 : stages[^1].Survivors.Count));
        return funnel;
    }

    /// <summary>The snake_case name of a stage (<c>strict</c>, <c>spectral</c>, <c>cluster_floor</c>, <c>alpha_fallback</c>).</summary>
    public static string StageName(HtrStage stage) => stage switch
    {
        HtrStage.Strict => "strict",
        HtrStage.Spectral => "spectral",
        HtrStage.ClusterFloor => "cluster_floor",
        _ => "alpha_fallback",
    };
}
