using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>Turns atom (stream) weights into net physical weights per symbol.</summary>
/// <remarks>
/// An allocator holds every synthetic-long stream with a weight <c>wₐ ≥ 0</c>. The physical position
/// in symbol <c>s</c> is <c>Σ_{LONG atoms of s} wₐ − Σ_{SHORT atoms of s} wₐ</c>: long and short atoms on
/// the same symbol net out. Gross exposure <c>Σ|net|</c> can therefore be below <c>Σ wₐ</c>.
/// </remarks>
public static class WeightFlattener
{
    /// <summary>Flattens atom weights.</summary>
    /// <param name="atoms">The atoms.</param>
    /// <param name="weights">One weight per atom, finite and ≥ 0.</param>
    /// <returns>One entry per symbol, ordered by symbol (ordinal); symbols that net to zero are kept with weight 0.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.InvalidWeights"/> on a length mismatch or a negative or non-finite weight.</exception>
    public static IReadOnlyList<PhysicalWeight> Flatten(IReadOnlyList<StrategyAtom> atoms, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(atoms);
        if (weights.Length != atoms.Count)
        {
            throw new DomainValidationException(ErrorCodes.InvalidWeights, $"Flatten: {weights.Length} weights for {atoms.Count} atoms.");
        }

        var sums = new SortedDictionary<Symbol, (double Long, double Short)>();
        for (int k = 0; k < atoms.Count; k++)
        {
            double w = weights[k];
            if (!double.IsFinite(w) || w < 0)
            {
                throw new DomainValidationException(ErrorCodes.InvalidWeights, $"Flatten: atom {atoms[k].Id} has weight {w}; atom weights must be finite and ≥ 0 (the direction is the atom's).");
            }

            (double l, double s) = sums.GetValueOrDefault(atoms[k].Asset);
            sums[atoms[k].Asset] = atoms[k].Direction == Direction.Long ? (l + w, s) : (l, s + w);
        }

        var result = new List<PhysicalWeight>(sums.Count);
        foreach (KeyValuePair<Symbol, (double Long, double Short)> entry in sums)
        {
            result.Add(new PhysicalWeight(entry.Key, entry.Value.Long - entry.Value.Short, entry.Value.Long, entry.Value.Short));
        }

        return result;
    }
}
