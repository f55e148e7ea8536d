using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Strategies;

/// <summary>
/// The directional sign test at the sleeve boundary (seed 000 §3 item 8): before the meta-portfolio takes a sleeve, its
/// pre-optimisation artifact (the allocated atoms: every atom must carry the sleeve's declared direction and a weight ≥ 0)
/// and its post-optimisation artifact (the net positions: LONG sleeves hold w ≥ 0, SHORT sleeves w ≤ 0) must agree with
/// the declared direction. A sleeve whose artifacts are missing fails too — an untested sleeve is not a passed one.
/// </summary>
public static class DirectionalSignTest
{
    /// <summary>Tests one sleeve.</summary>
    /// <param name="sleeve">The sleeve.</param>
    /// <param name="declared">Its declared direction.</param>
    /// <param name="preSymbols">Atom symbols of the pre-optimisation artifact, or null when it is missing.</param>
    /// <param name="preDirections">Their directions.</param>
    /// <param name="preWeights">Their weights.</param>
    /// <param name="postSymbols">Position symbols of the post-optimisation artifact, or null when it is missing.</param>
    /// <param name="postWeights">Their net weights.</param>
    public static SignTestResult Check(
        string sleeve, Direction declared, IReadOnlyList<string>? preSymbols, IReadOnlyList<Direction> preDirections, ReadOnlySpan<double> preWeights,
        IReadOnlyList<string>? postSymbols, ReadOnlySpan<double> postWeights)
    {
        ArgumentNullException.ThrowIfNull(preDirections);
        string? first = null;
        int preViolations = 0, postViolations = 0;
        for (int i = 0; preSymbols is not null && i < preSymbols.Count; i++)
        {
            if (preDirections[i] != declared || !(preWeights[i] >= 0))
            {
                preViolations++;
                first ??= $"pre-optimisation atom {preSymbols[i]} is {preDirections[i]} with weight {preWeights[i]:R}";
            }
        }

        int sign = declared == Direction.Long ? 1 : -1;
        for (int i = 0; postSymbols is not null && i < postSymbols.Count; i++)
        {
            if (!(postWeights[i] * sign >= 0))
            {
                postViolations++;
                first ??= $"post-optimisation position {postSymbols[i]} has weight {postWeights[i]:R}";
            }
        }

        first ??= preSymbols is null ? "the pre-optimisation artifact (atom weights) is missing"
            : postSymbols is null ? "the post-optimisation artifact (positions) is missing" : null;
        return new SignTestResult(sleeve, declared, preSymbols?.Count ?? -1, preViolations, postSymbols?.Count ?? -1, postViolations, first);
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
                    $"Meta portfolio: sleeve '{r.Sleeve}' fails the directional sign test (declared {r.Declared.ToString().ToUpperInvariant()}): {r.FirstViolation}; {r.PreViolations} pre- and {r.PostViolations} post-optimisation violation(s).", r.Sleeve);
            }
        }
    }
}
