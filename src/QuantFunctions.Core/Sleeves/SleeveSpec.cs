using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Sleeves;

/// <summary>
/// What a sleeve trades: a universe, a direction, how many assets momentum selects, and how the
/// selected strategy atoms are allocated.
/// </summary>
public sealed record SleeveSpec
{
    /// <summary>The silver universe the sleeve selects from (e.g. <c>crypto_spot</c>).</summary>
    public string Universe { get; init; } = string.Empty;

    /// <summary>LONG (top momentum, returns r) or SHORT (bottom momentum, returns −min(r, 1)).</summary>
    public Direction Direction { get; init; } = Direction.Long;

    /// <summary>Assets selected.</summary>
    public int TopN { get; init; } = 10;

    /// <summary>Momentum lookback (sessions).</summary>
    public int Lookback { get; init; } = 60;

    /// <summary>Most recent sessions skipped by momentum (short-term reversal).</summary>
    public int Skip { get; init; }

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
    public void Validate(string sleeve)
    {
        Require(!string.IsNullOrWhiteSpace(Universe), sleeve, "universe is required");
        Require(Direction is Direction.Long or Direction.Short, sleeve, $"direction must be LONG or SHORT (got {Direction})");
        Require(TopN is >= 1 and <= 1000, sleeve, $"top_n must be in 1..1000 (got {TopN})");
        Require(Lookback is >= 5 and <= 5000, sleeve, $"lookback must be in 5..5000 (got {Lookback})");
        Require(Skip is >= 0 and <= 250, sleeve, $"skip must be in 0..250 (got {Skip})");
        Require(AllocationLookback is >= 10 and <= 5000, sleeve, $"allocation_lookback must be in 10..5000 (got {AllocationLookback})");
        Require(PeriodsPerYear is >= 1 and <= 366, sleeve, $"periods_per_year must be in 1..366 (got {PeriodsPerYear})");
        Require(!string.IsNullOrWhiteSpace(Engine), sleeve, "engine is required");
    }

    private static void Require(bool condition, string sleeve, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, $"Sleeve '{sleeve}': {message}.");
        }
    }
}
