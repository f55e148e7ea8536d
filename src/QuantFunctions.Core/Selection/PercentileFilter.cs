namespace QuantFunctions.Core.Selection;

/// <summary>
/// Selection v4's percentile filter: of the n candidates with a finite score, the first ⌈p·n⌉ in score order qualify.
/// Scores are oriented to the sleeve (long: momentum, so descending; short: −momentum, i.e. momentum ascending); ties go
/// to the ordinally smaller symbol.
/// </summary>
public static class PercentileFilter
{
    /// <summary>Marks the qualifying candidates.</summary>
    /// <param name="scores">Oriented scores (NaN = not scored).</param>
    /// <param name="symbols">The candidates' symbols (tie-break).</param>
    /// <param name="percentile">p ∈ (0, 1].</param>
    /// <param name="qualified">One flag per candidate.</param>
    public static void Qualify(ReadOnlySpan<double> scores, IReadOnlyList<string> symbols, double percentile, Span<bool> qualified)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var order = new List<int>(scores.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            qualified[i] = false;
            if (!double.IsNaN(scores[i]))
            {
                order.Add(i);
            }
        }

        double[] s = scores.ToArray();
        order.Sort((a, b) => s[a] != s[b] ? s[b].CompareTo(s[a]) : string.CompareOrdinal(symbols[a], symbols[b]));
        int take = (int)Math.Ceiling(percentile * order.Count);
        for (int k = 0; k < take; k++)
        {
            qualified[order[k]] = true;
        }
    }
}
