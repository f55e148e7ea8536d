using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Strategies;

/// <summary>
/// The directional sign test at the sleeve boundary (seed 000 §3 item 8): before the meta-portfolio takes a sleeve, its
/// pre-optimisation artifact (the allocated atoms: every atom must carry the sleeve's declared direction and a weight ≥ 0)
/// and its post-optimisation artifact (the net positions: LONG sleeves hold w ≥ 0, SHORT sleeves w ≤ 0) must agree with
/// the declared direction. A sleeve whose artifacts are missing fails too — an untested sleeve is not a passed one.
/// </summary>
/// <remarks>
/// A market-neutral sleeve declares two books, a LONG and a SHORT one, so "its direction" is per book: every atom
/// carries a weight ≥ 0 and belongs to one book only (a symbol with a LONG and a SHORT atom nets its books away and
/// fails), and every net position points its atom's way (LONG w ≥ 0, SHORT w ≤ 0; a position without an atom fails).
/// A single-direction sleeve is the case of one book.
/// </remarks>
public static class DirectionalSignTest
{
    /// <summary>Tests one sleeve.</summary>
    /// <param name="sleeve">The sleeve.</param>
    /// <param name="declared">Its declared direction (a two-book sleeve's is recorded, but each atom is checked against its own book).</param>
    /// <param name="preSymbols">Atom symbols of the pre-optimisation artifact, or null when it is missing.</param>
    /// <param name="preDirections">Their directions.</param>
    /// <param name="preWeights">Their weights.</param>
    /// <param name="postSymbols">Position symbols of the post-optimisation artifact, or null when it is missing.</param>
    /// <param name="postWeights">Their net weights.</param>
    /// <param name="twoBooks">A market-neutral sleeve: a LONG and a SHORT book.</param>
    public static SignTestResult Check(
        string sleeve, Direction declared, IReadOnlyList<string>? preSymbols, IReadOnlyList<Direction> preDirections, ReadOnlySpan<double> preWeights,
        IReadOnlyList<string>? postSymbols, ReadOnlySpan<double> postWeights, bool twoBooks = false)
    {
        ArgumentNullException.ThrowIfNull(preDirections);
        string? first = null;
        int preViolations = 0, postViolations = 0;
        var book = new Dictionary<string, Direction>(StringComparer.Ordinal);
        for (int i = 0; preSymbols is not null && i < preSymbols.Count; i++)
        {
            bool otherBook = book.TryGetValue(preSymbols[i], out Direction seen) && seen != preDirections[i];
            book.TryAdd(preSymbols[i], preDirections[i]);
            if ((!twoBooks && preDirections[i] != declared) || !(preWeights[i] >= 0) || otherBook)
            {
                preViolations++;
                first ??= otherBook
                    ? $"pre-optimisation atom {preSymbols[i]} is in both the LONG and the SHORT book"
                    : $"pre-optimisation atom {preSymbols[i]} is {preDirections[i]} with weight {preWeights[i]:R}";
            }
        }

        for (int i = 0; postSymbols is not null && i < postSymbols.Count; i++)
        {
            Direction expected = declared;
            bool orphan = twoBooks && !book.TryGetValue(postSymbols[i], out expected);
            int sign = expected == Direction.Long ? 1 : -1;
            if (orphan || !(postWeights[i] * sign >= 0))
            {
                postViolations++;
                first ??= orphan
                    ? $"post-optimisation position {postSymbols[i]} belongs to neither book"
                    : $"post-optimisation position {postSymbols[i]} has weight {postWeights[i]:R}";
            }
        }

        first ??= preSymbols is null ? "the pre-optimisation artifact (atom weights) is missing"
            : postSymbols is null ? "the post-optimisation artifact (positions) is missing" : null;
        return new SignTestResult(sleeve, declared, preSymbols?.Count ?? -1, preViolations, postSymbols?.Count ?? -1, postViolations, first, twoBooks);
    }

    /// <summary>Throws for the first sleeve that failed.</summary>
    /// <exception cref="MetaGateException">Code <see cref="ErrorCodes.MetaSignTestFailed"/>, naming the sleeve and its first violation.</exception>
    public static void EnsurePassed(IReadOnlyList<SignTestResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        foreach (SignTestResult r in results)
        {
            if (!r.Passed)
            {
                throw new MetaGateException(ErrorCodes.MetaSignTestFailed,
                    $"Meta portfolio: sleeve '{r.Sleeve}' fails the directional sign test (declared {r.DeclaredName}): {r.FirstViolation}; {r.PreViolations} pre- and {r.PostViolations} post-optimisation violation(s).", r.Sleeve);
            }
        }
    }
}
