namespace QuantFunctions.Core.Selection;

/// <summary>
/// HTR v3.4 (hierarchical threshold relaxation, seed 000 §2): the stages run in order and the loop stops at the first
/// whose winners reach the floor. Only healthy candidates (past the gate and every hard veto, with a finite score) ever
/// win. Order everywhere: score descending, then symbol ordinal; every stage keeps at most <c>max_winners</c>.
/// <list type="number">
/// <item>Strict: no veto at all and qualified by the standard; at most <c>max_per_cluster</c> per cluster.</item>
/// <item>Spectral: predictability relaxed to the permutation-entropy veto; qualified; the same cap.</item>
/// <item>Cluster Floor: no predictability veto; qualified, without the cap; plus the best healthy candidate of every
/// cluster not yet represented.</item>
/// <item>Alpha Fallback: Cluster Floor's winners, then the best remaining healthy candidates up to the floor.</item>
/// </list>
/// When fewer healthy candidates than the floor exist, Alpha Fallback selects them all and the floor is recorded as not
/// met: nothing is padded.
/// </summary>
public static class HtrLoop
{
    /// <summary>Runs the loop.</summary>
    /// <param name="candidates">Every candidate.</param>
    /// <param name="options">Floor, caps.</param>
    /// <returns>The stages run with their survivors, the stage reached and its winners.</returns>
    public static (IReadOnlyList<HtrStageResult> Stages, HtrStage Reached, IReadOnlyList<string> Winners) Run(IReadOnlyList<SelectionCandidate> candidates, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(options);
        var healthy = new List<SelectionCandidate>(candidates.Count);
        foreach (SelectionCandidate c in candidates)
        {
            if (c.Healthy)
            {
                healthy.Add(c);
            }
        }

        healthy.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Symbol, b.Symbol));
        var stages = new List<HtrStageResult>(4);
        List<SelectionCandidate> winners = [];
        foreach (HtrStage stage in Enum.GetValues<HtrStage>())
        {
            winners = stage switch
            {
                HtrStage.Strict => Capped(healthy, static c => c.Vetoes.Count == 0 && c.Qualified, options.MaxPerCluster),
                HtrStage.Spectral => Capped(healthy, static c => !c.Vetoes.Contains(VetoReasons.Entropy) && c.Qualified, options.MaxPerCluster),
                HtrStage.ClusterFloor => ClusterFloor(healthy),
                _ => Fallback(healthy, winners, options.Floor),
            };
            if (winners.Count > options.MaxWinners)
            {
                winners.RemoveRange(options.MaxWinners, winners.Count - options.MaxWinners);
            }

            stages.Add(new HtrStageResult(stage, winners.ConvertAll(static c => c.Symbol)));
            if (winners.Count >= options.Floor)
            {
                break;
            }
        }

        return (stages, stages[^1].Stage, stages[^1].Survivors);
    }

    private static List<SelectionCandidate> Capped(List<SelectionCandidate> ordered, Func<SelectionCandidate, bool> eligible, int perCluster)
    {
        var taken = new Dictionary<int, int>();
        var result = new List<SelectionCandidate>();
        foreach (SelectionCandidate c in ordered)
        {
            int used = taken.GetValueOrDefault(c.Cluster);
            if (eligible(c) && used < perCluster)
            {
                taken[c.Cluster] = used + 1;
                result.Add(c);
            }
        }

        return result;
    }

    private static List<SelectionCandidate> ClusterFloor(List<SelectionCandidate> ordered)
    {
        var represented = new HashSet<int>();
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SelectionCandidate c in ordered)
        {
            if (c.Qualified)
            {
                represented.Add(c.Cluster);
                chosen.Add(c.Symbol);
            }
        }

        foreach (SelectionCandidate c in ordered)
        {
            if (represented.Add(c.Cluster))
            {
                chosen.Add(c.Symbol);
            }
        }

        return ordered.FindAll(c => chosen.Contains(c.Symbol));
    }

    private static List<SelectionCandidate> Fallback(List<SelectionCandidate> ordered, List<SelectionCandidate> previous, int floor)
    {
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SelectionCandidate c in previous)
        {
            chosen.Add(c.Symbol);
        }

        foreach (SelectionCandidate c in ordered)
        {
            if (chosen.Count >= floor)
            {
                break;
            }

            chosen.Add(c.Symbol);
        }

        return ordered.FindAll(c => chosen.Contains(c.Symbol));
    }
}
