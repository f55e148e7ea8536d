using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Sleeves;

/// <summary>
/// A sleeve's decision at one point in time, built only from the returns and features it is given (the
/// caller passes what was known then): select (the sleeve's standard under HTR v3.4; a long and a short book for a
/// market-neutral sleeve) → atoms → synthesize
/// atom streams → allocate → flatten. The sleeve stages call these steps one by one (through the lake);
/// the walk-forward backtest calls <see cref="Decide(ReturnPanel, FeatureHistory, SleeveSpec, SleeveConstraintInputs?)"/> on each
/// training window, a tournament cell <see cref="Decide(ReturnPanel, IReadOnlyList{string}, SleeveSpec)"/> with books selected once.
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

    /// <summary>
    /// The sleeve's books at the last date of <paramref name="returns"/>: its direction's book, or for a market-neutral sleeve
    /// a long and a short book with disjoint winners (<see cref="SelectionEngine.SelectBooks"/>), long first.
    /// </summary>
    /// <exception cref="SelectionException">A missing feature column or an unstable foundation.</exception>
    public static IReadOnlyList<SelectionResult> Books(ReturnPanel returns, FeatureHistory features, SleeveSpec spec)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.MarketNeutral)
        {
            return [Select(returns, features, spec)];
        }

        BookSelection books = SelectionEngine.SelectBooks(returns, features, returns.Dates[^1], spec.Selection, spec.PeriodsPerYear);
        return [books.Long, books.Short];
    }

    /// <summary>The atoms of the books, book by book in winner order, each with its book's direction.</summary>
    public static IReadOnlyList<StrategyAtom> Atoms(IReadOnlyList<SelectionResult> books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var atoms = new List<StrategyAtom>();
        foreach (SelectionResult book in books)
        {
            foreach (string s in book.Winners)
            {
                atoms.Add(new StrategyAtom(Symbol.Parse(s), Logic, book.Direction));
            }
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
            (portfolio, notes) = SleeveConstraints.Build(window.CompleteRows(), atoms, spec, constraints);
        }

        (AllocationResult result, int used, int dropped) = PanelAllocator.Allocate(window, spec.Engine, spec.PeriodsPerYear, constraints: portfolio);
        double[] weights = PanelAllocator.Weights(result);
        IReadOnlyList<PhysicalWeight> positions = WeightFlattener.Flatten(atoms, weights);
        return new SleeveAllocation(atoms, result, positions, used, dropped, notes);
    }

    /// <summary>
    /// The whole decision on a window: select the books (features as of the window's last date), synthesize, allocate under
    /// <paramref name="constraints"/>, flatten; null when a book has no winner (e.g. the features are still warming up),
    /// which a backtest holds as cash.
    /// </summary>
    public static SleeveAllocation? Decide(ReturnPanel window, FeatureHistory features, SleeveSpec spec, SleeveConstraintInputs? constraints = null)
    {
        IReadOnlyList<SelectionResult> books = Books(window, features, spec);
        foreach (SelectionResult book in books)
        {
            if (book.Winners.Count == 0)
            {
                return null;
            }
        }

        return AllocateAtoms(window, Atoms(books), spec, constraints);
    }

    /// <summary>
    /// The decision on a window from winners already selected (best first), all of the sleeve's direction: atoms,
    /// synthesize, allocate without constraints, flatten; null when there are no winners (cash).
    /// </summary>
    public static SleeveAllocation? Decide(ReturnPanel window, IReadOnlyList<string> winners, SleeveSpec spec)
    {
        ArgumentNullException.ThrowIfNull(winners);
        ArgumentNullException.ThrowIfNull(spec);
        if (winners.Count == 0)
        {
            return null;
        }

        var atoms = new List<StrategyAtom>(winners.Count);
        foreach (string s in winners)
        {
            atoms.Add(new StrategyAtom(Symbol.Parse(s), Logic, spec.Direction));
        }

        return AllocateAtoms(window, atoms, spec, constraints: null);
    }

    private static SleeveAllocation AllocateAtoms(ReturnPanel window, IReadOnlyList<StrategyAtom> atoms, SleeveSpec spec, SleeveConstraintInputs? constraints)
    {
        ReturnPanel streams = AtomSynthesizer.SynthesizePanel(window, atoms);
        return Allocate(streams, atoms, spec, constraints);
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
