using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// The tournament's risk profiles — what a cell does with the engine's weights of the long (selected LONG) and short
/// (selected SHORT) books:
/// <list type="bullet">
/// <item><c>long_only</c>: the long book as allocated (Σw = 1, every w ≥ 0);</item>
/// <item><c>capped</c>: the long book with every weight at most <see cref="CapWeight"/>; the excess over the cap is
/// re-spread over the uncapped names in proportion to their weights (repeated until none exceeds the cap), and whatever
/// cannot be placed stays in cash;</item>
/// <item><c>market_neutral</c>: half the long book and half the short book (Σw = 0, Σ|w| = 1).</item>
/// </list>
/// </summary>
public static class RiskProfiles
{
    /// <summary>The long-only profile.</summary>
    public const string LongOnly = "long_only";

    /// <summary>The capped long-only profile.</summary>
    public const string Capped = "capped";

    /// <summary>The dollar-neutral long/short profile.</summary>
    public const string MarketNeutral = "market_neutral";

    /// <summary>The largest weight of one name under <see cref="Capped"/>.</summary>
    public const double CapWeight = 0.10;

    /// <summary>The profile ids, ordinal order.</summary>
    public static IReadOnlyList<string> All { get; } = [Capped, LongOnly, MarketNeutral];

    /// <summary>True when the profile needs the short book.</summary>
    public static bool NeedsShortBook(string profile) => profile == MarketNeutral;

    /// <summary>Checks a profile id.</summary>
    /// <exception cref="TournamentException">An unknown profile.</exception>
    public static void Require(string profile, string cell)
    {
        if (profile is not (LongOnly or Capped or MarketNeutral))
        {
            throw new TournamentException(ErrorCodes.TournamentCellInvalid, $"Tournament cell '{cell}': unknown risk profile '{profile}' (known: {string.Join(", ", All)}).", cell);
        }
    }

    /// <summary>Combines the books into the cell's weights, in place into <paramref name="longBook"/>.</summary>
    /// <param name="profile">The profile id (checked with <see cref="Require"/>).</param>
    /// <param name="longBook">The long book's weights per column (≥ 0); receives the result.</param>
    /// <param name="shortBook">The short book's weights per column (≤ 0); only read by <see cref="MarketNeutral"/>.</param>
    public static void Apply(string profile, Span<double> longBook, ReadOnlySpan<double> shortBook)
    {
        switch (profile)
        {
            case Capped:
                Cap(longBook, CapWeight);
                break;
            case MarketNeutral:
                for (int i = 0; i < longBook.Length; i++)
                {
                    longBook[i] = (0.5 * longBook[i]) + (0.5 * shortBook[i]);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Caps non-negative weights at <paramref name="cap"/>, re-spreading the excess pro rata over the names below it.</summary>
    public static void Cap(Span<double> weights, double cap)
    {
        for (int pass = 0; pass < weights.Length; pass++)
        {
            double excess = 0, free = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                if (weights[i] > cap)
                {
                    excess += weights[i] - cap;
                    weights[i] = cap;
                }
                else if (weights[i] < cap)
                {
                    free += weights[i];
                }
            }

            if (excess <= 0 || free <= 0)
            {
                return;
            }

            double scale = 1 + (excess / free);
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = weights[i] < cap ? weights[i] * scale : weights[i];
            }
        }
    }
}
