using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Sleeves;

/// <summary>
/// A sleeve's decision at one point in time, built only from the returns and features it is given (the
/// caller passes what was known then): select (the sleeve's standard under HTR v3.4) → atoms → synthesize
/// atom streams → allocate → flatten. The sleeve stages call these steps one by one (through the lake);
/// the walk-forward backtest calls <see cref="Decide(ReturnPanel, FeatureHistory, SleeveSpec)"/> on each training window.
/// </summary>
public static class SleeveStrategy
{
    /// <summary>The logic name recorded on every atom of a selected sleeve.</summary>
    public const string Logic = "selection";

    /// <summary>The sleeve's selection at the last date of <paramref name="returns"/> (all rows are history).</summary>
    /// <exception cref="SelectionException">A missing feature column or an unstable foundation.</exception>
    public static SelectionResult Select(ReturnPanel returns, FeatureHistory features, SleeveSpec spec)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(spec);
        return SelectionEngine.Select(returns, features, returns.Dates[^1], spec.Selection, spec.Direction, spec.PeriodsPerYear);
    }

    /// <summary>The atoms of the sleeve's direction from a selection's winners (winner order).</summary>
    public static IReadOnlyList<StrategyAtom> Atoms(IReadOnlyList<string> winners, SleeveSpec spec)
    {
        ArgumentNullException.ThrowIfNull(winners);
        ArgumentNullException.ThrowIfNull(spec);
        var atoms = new List<StrategyAtom>(winners.Count);
        foreach (string s in winners)
        {
            atoms.Add(new StrategyAtom(Symbol.Parse(s), Logic, spec.Direction));
        }

        return atoms;
    }

    /// <summary>
    /// Allocates the atoms on the last <see cref="SleeveSpec.AllocationLookback"/> rows of their synthesized
    /// streams, using only rows where every atom has a return (rows with a gap are dropped and counted),
    /// and flattens the atom weights to physical positions.
    /// </summary>
    /// <param name="atomStreams">The atoms' synthesized streams (columns in <paramref name="atoms"/> order).</param>
    /// <param name="atoms">The atoms.</param>
    /// <param name="spec">The sleeve spec.</param>
    /// <param name="constraints">The regime and benchmark the sleeve constraints are built from (<see cref="SleeveConstraints"/>); null allocates without constraints.</param>
    /// <exception cref="DomainValidationException">Fewer than 10 complete rows remain.</exception>
    public static SleeveAllocation Allocate(ReturnPanel atomStreams, IReadOnlyList<StrategyAtom> atoms, SleeveSpec spec, SleeveConstraintInputs? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(atomStreams);
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(spec);
        int start = Math.Max(0, atomStreams.RowCount - spec.AllocationLookback);
        ReturnPanel window = atomStreams.SliceRows(start, atomStreams.RowCount - start);
        PortfolioConstraints? portfolio = null;
        SleeveConstraintNotes? notes = null;
        if (constraints is not null)
        {
            (portfolio, notes) = SleeveConstraints.Build(window.CompleteRows(), spec, constraints);
        }

        (AllocationResult result, int used, int dropped) = PanelAllocator.Allocate(window, spec.Engine, spec.PeriodsPerYear, constraints: portfolio);
        double[] weights = PanelAllocator.Weights(result);
        IReadOnlyList<PhysicalWeight> positions = WeightFlattener.Flatten(atoms, weights);
        return new SleeveAllocation(atoms, result, positions, used, dropped, notes);
    }

    /// <summary>
    /// The whole decision on a window: select (features as of the window's last date), synthesize, allocate, flatten;
    /// null when nothing was selected (e.g. the features are still warming up), which a backtest holds as cash.
    /// </summary>
    public static SleeveAllocation? Decide(ReturnPanel window, FeatureHistory features, SleeveSpec spec) =>
        Decide(window, Select(window, features, spec).Winners, spec);

    /// <summary>
    /// The decision on a window from winners already selected (best first): atoms of the sleeve's direction, synthesize,
    /// allocate, flatten; null when there are no winners (cash).
    /// </summary>
    public static SleeveAllocation? Decide(ReturnPanel window, IReadOnlyList<string> winners, SleeveSpec spec)
    {
        ArgumentNullException.ThrowIfNull(winners);
        if (winners.Count == 0)
        {
            return null;
        }

        IReadOnlyList<StrategyAtom> atoms = Atoms(winners, spec);
        ReturnPanel streams = AtomSynthesizer.SynthesizePanel(window, atoms);
        return Allocate(streams, atoms, spec);
    }

    /// <summary>Positions as a weight vector aligned to <paramref name="columns"/> (symbols not held get 0).</summary>
    public static double[] Align(IReadOnlyList<PhysicalWeight> positions, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(columns);
        var index = new Dictionary<string, int>(columns.Count, StringComparer.Ordinal);
        for (int i = 0; i < columns.Count; i++)
        {
            index[columns[i]] = i;
        }

        double[] weights = new double[columns.Count];
        foreach (PhysicalWeight p in positions)
        {
            weights[index[p.Symbol.Value]] = p.Weight;
        }

        return weights;
    }
}
