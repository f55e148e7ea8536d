using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Sleeves;

/// <summary>The allocation of a sleeve's atoms and the net physical positions it implies.</summary>
/// <param name="Atoms">The strategy atoms allocated (one per selected asset).</param>
/// <param name="Result">The engine's weights (per atom, in <paramref name="Atoms"/> order), diagnostics and constraint report.</param>
/// <param name="Positions">Net physical weight per symbol (short atoms negative).</param>
/// <param name="RowsUsed">Sessions of atom returns the risk estimate used (complete rows only).</param>
/// <param name="RowsDropped">Sessions in the lookback dropped because an atom had no return (counted, never filled).</param>
/// <param name="Constraints">The sleeve constraints the engines ran under and where they came from; null when allocated without them.</param>
public sealed record SleeveAllocation(
    IReadOnlyList<StrategyAtom> Atoms,
    AllocationResult Result,
    IReadOnlyList<PhysicalWeight> Positions,
    int RowsUsed,
    int RowsDropped,
    SleeveConstraintNotes? Constraints = null);
