using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>Combines sleeve return streams into a meta portfolio, gated by a completeness check.</summary>
/// <remarks>
/// Completeness: every expected sleeve must be present, have at least one row and at least one
/// observed (non-NaN) value; otherwise <see cref="SleeveIncompleteException"/> names the first offending
/// sleeve (in expected order). Combination: the sleeves are inner-joined on their common dates
/// (<see cref="CalendarJoin.Inner"/>), and <c>R_t = Σₖ wₖ · r_{k,t}</c> with constant weights — a
/// portfolio rebalanced to the weights every period. Weights come from the caller's allocator.
/// </remarks>
public static class MetaAggregator
{
    /// <summary>Checks that every expected sleeve is present and non-empty.</summary>
    /// <param name="expected">The sleeve names the meta portfolio needs.</param>
    /// <param name="sleeves">The sleeve streams available (named by sleeve).</param>
    /// <exception cref="SleeveIncompleteException">Naming the first missing or empty sleeve.</exception>
    public static void EnsureComplete(IReadOnlyList<string> expected, IReadOnlyList<DatedSeries> sleeves)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(sleeves);
        if (expected.Count == 0)
        {
            throw new SleeveIncompleteException("(none)", "no sleeves are expected");
        }

        foreach (string name in expected)
        {
            DatedSeries? sleeve = Find(sleeves, name) ?? throw new SleeveIncompleteException(name, "it is missing");
            if (sleeve.Count == 0)
            {
                throw new SleeveIncompleteException(name, "it has no rows");
            }

            bool observed = false;
            foreach (double v in sleeve.Values)
            {
                observed |= !double.IsNaN(v);
            }

            if (!observed)
            {
                throw new SleeveIncompleteException(name, $"all {sleeve.Count} rows are NaN (no observation)");
            }
        }
    }

    /// <summary>Checks completeness, then combines the sleeves with the given weights.</summary>
    /// <param name="expected">The sleeve names, in weight order.</param>
    /// <param name="sleeves">The sleeve streams (extra sleeves are ignored).</param>
    /// <param name="weights">One finite weight per expected sleeve.</param>
    /// <returns>The meta stream and the alignment report.</returns>
    /// <exception cref="SleeveIncompleteException">When a sleeve is missing or empty.</exception>
    /// <exception cref="DomainValidationException">On a weight count mismatch or a non-finite weight.</exception>
    public static MetaPortfolioResult Combine(IReadOnlyList<string> expected, IReadOnlyList<DatedSeries> sleeves, ReadOnlySpan<double> weights)
    {
        EnsureComplete(expected, sleeves);
        if (weights.Length != expected.Count)
        {
            throw new DomainValidationException(ErrorCodes.InvalidWeights, $"Meta portfolio: {weights.Length} weights for {expected.Count} sleeves.");
        }

        Guard.AllFinite(weights, "meta portfolio weights");
        var ordered = new DatedSeries[expected.Count];
        for (int k = 0; k < expected.Count; k++)
        {
            ordered[k] = Find(sleeves, expected[k])!;
        }

        CalendarJoinResult join = CalendarJoin.Inner(ordered);
        ReturnPanel panel = join.Panel;
        double[] meta = new double[panel.RowCount];
        for (int k = 0; k < expected.Count; k++)
        {
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(panel.Column(k), weights[k], meta, meta);
        }

        if (panel.RowCount == 0)
        {
            throw new SleeveIncompleteException(expected[0], "the sleeves share no common date");
        }

        return new MetaPortfolioResult(new DatedSeries("meta", (DateOnly[])panel.Dates.Clone(), meta), weights.ToArray(), join);
    }

    private static DatedSeries? Find(IReadOnlyList<DatedSeries> sleeves, string name)
    {
        for (int i = 0; i < sleeves.Count; i++)
        {
            if (string.Equals(sleeves[i].Name, name, StringComparison.Ordinal))
            {
                return sleeves[i];
            }
        }

        return null;
    }
}
