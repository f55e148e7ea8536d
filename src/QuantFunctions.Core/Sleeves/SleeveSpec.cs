using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Sleeves;

/// <summary>
/// What a sleeve trades: a universe, a direction, how its assets are selected (the standard under HTR v3.4),
/// and how the selected strategy atoms are allocated.
/// </summary>
public sealed record SleeveSpec
{
    /// <summary>The silver universe the sleeve selects from (e.g. <c>crypto_spot</c>).</summary>
    public string Universe { get; init; } = string.Empty;

    /// <summary>LONG (returns r) or SHORT (returns −min(r, 1)); selection scores are oriented to it.</summary>
    public Direction Direction { get; init; } = Direction.Long;

    /// <summary>The selection standard and its options (docs/selection.md).</summary>
    public SelectionOptions Selection { get; init; } = new();

    /// <summary>Sessions of atom returns the allocator estimates risk on.</summary>
    public int AllocationLookback { get; init; } = 60;

    /// <summary>Allocation engine name (see the allocation engine registry).</summary>
    public string Engine { get; init; } = "inverse_vol";

    /// <summary>Periods per year for annualisation (365 for 24×7, 252 for sessions).</summary>
    public int PeriodsPerYear { get; init; } = 252;

    /// <summary>A market-neutral profile: a long/short book over the atoms with |wᵀβ| ≤ 0.15 against the universe's equal-weight benchmark (<see cref="SleeveConstraints"/>).</summary>
    /// <value>false.</value>
    public bool MarketNeutral { get; init; }

    /// <summary>Checks every field.</summary>
    /// <exception cref="DomainValidationException">Naming the sleeve and the field.</exception>
    /// <exception cref="SelectionException">An invalid selection option, naming the sleeve and the option.</exception>
    public void Validate(string sleeve)
    {
        Require(!string.IsNullOrWhiteSpace(Universe), sleeve, "universe is required");
        Require(Direction is Direction.Long or Direction.Short, sleeve, $"direction must be LONG or SHORT (got {Direction})");
        Require(AllocationLookback is >= 10 and <= 5000, sleeve, $"allocation_lookback must be in 10..5000 (got {AllocationLookback})");
        Require(PeriodsPerYear is >= 1 and <= 366, sleeve, $"periods_per_year must be in 1..366 (got {PeriodsPerYear})");
        Require(!string.IsNullOrWhiteSpace(Engine), sleeve, "engine is required");
        Require(Selection is not null, sleeve, "selection is required");
        Selection!.Validate(sleeve);
    }

    private static void Require(bool condition, string sleeve, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, $"Sleeve '{sleeve}': {message}.");
        }
    }
}
