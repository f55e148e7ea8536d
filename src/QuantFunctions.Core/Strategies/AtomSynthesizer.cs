using System.Numerics.Tensors;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>
/// Builds the return stream of a strategy atom ("synthetic long" normalisation): every stream is
/// something an allocator should hold long.
/// </summary>
/// <remarks>
/// LONG: <c>s = r</c>. SHORT: <c>s = −clip(r, upper = 1) = −min(r, 1)</c> — a short loses at most 100%
/// of its notional in one period (seed 000 §1). NaN (no observation) stays NaN.
/// </remarks>
public static class AtomSynthesizer
{
    /// <summary>The largest asset return a SHORT stream passes through (its loss cap).</summary>
    public const double ShortReturnCap = 1.0;

    /// <summary>Writes the stream of one direction.</summary>
    /// <param name="direction">LONG or SHORT.</param>
    /// <param name="returns">The asset's simple returns.</param>
    /// <param name="destination">The stream, same length (may alias <paramref name="returns"/>).</param>
    public static void Synthesize(Direction direction, ReadOnlySpan<double> returns, Span<double> destination)
    {
        if (destination.Length != returns.Length)
        {
            throw new ArgumentException("destination must have the length of returns.", nameof(destination));
        }

        if (direction == Direction.Long)
        {
            returns.CopyTo(destination);
            return;
        }

        TensorPrimitives.Min(returns, ShortReturnCap, destination);
        TensorPrimitives.Negate(destination, destination);
    }

    /// <summary>Builds the streams of many atoms from a panel of asset returns.</summary>
    /// <param name="assetReturns">Simple returns, columns = symbols.</param>
    /// <param name="atoms">The atoms (ids unique).</param>
    /// <returns>A panel on the same dates, one column per atom named by its id.</returns>
    /// <exception cref="DomainValidationException">When an atom's asset is not a column of the panel.</exception>
    public static ReturnPanel SynthesizePanel(ReturnPanel assetReturns, IReadOnlyList<StrategyAtom> atoms)
    {
        ArgumentNullException.ThrowIfNull(assetReturns);
        ArgumentNullException.ThrowIfNull(atoms);
        int rows = assetReturns.RowCount;
        string[] ids = new string[atoms.Count];
        double[] values = new double[rows * atoms.Count];
        for (int k = 0; k < atoms.Count; k++)
        {
            int j = assetReturns.IndexOf(atoms[k].Asset.Value);
            if (j < 0)
            {
                throw new DomainValidationException(ErrorCodes.InvalidInput, $"Atom {atoms[k].Id}: asset {atoms[k].Asset} has no returns in the panel.");
            }

            ids[k] = atoms[k].Id;
            Synthesize(atoms[k].Direction, assetReturns.Column(j), values.AsSpan(k * rows, rows));
        }

        return new ReturnPanel((DateOnly[])assetReturns.Dates.Clone(), ids, values);
    }
}
