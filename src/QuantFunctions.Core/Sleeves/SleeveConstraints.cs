using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Sleeves;

/// <summary>
/// The constraints every engine run of a sleeve allocates under: regime-aware cluster caps always, and market
/// neutrality |wᵀβ| ≤ 0.15 for market-neutral sleeves.
/// </summary>
/// <remarks>
/// <para><b>Cluster caps.</b> The atoms are clustered by Ward linkage on the correlation distance of their streams and
/// cut into K = min(N, ⌈1/cap⌉ + 1) clusters, so the book can always meet the cap with room to spare; each cluster's
/// total weight is at most the regime's cap (<see cref="RegimeLabels.ClusterCap"/>). When a sleeve has fewer than
/// ⌈1/cap⌉ atoms the cap cannot be met; it is raised to 1/N and the relaxation is recorded.</para>
/// <para><b>Market neutrality.</b> A market-neutral sleeve holds a long and a short book (disjoint,
/// <see cref="Selection.SelectionEngine.SelectBooks"/>) as LONG and SHORT atoms. Atom weights stay in [0, 1] with Σw = 1
/// (the direction is the atom's; flattening turns a SHORT atom into a negative position), and |wᵀβ| ≤ 0.15, relaxed
/// 0.15 → 0.25 by the fallback chain when infeasible. An atom's β is its asset's β = cov(r, b)/var(b) on the allocation
/// window's complete rows, b the benchmark (the equal-weight return of the sleeve's universe in silver), negated for a
/// SHORT atom: the short book's exposure is −β per unit of weight.</para>
/// </remarks>
public static class SleeveConstraints
{
    /// <summary>Builds the constraints for the allocation window <paramref name="complete"/> (its complete rows).</summary>
    /// <param name="complete">The atoms' streams on the rows the allocator uses (dated when market-neutral).</param>
    /// <param name="atoms">The atoms, in the columns' order.</param>
    /// <param name="spec">The sleeve spec.</param>
    /// <param name="inputs">The regime, the benchmark and the universe's returns.</param>
    /// <exception cref="DomainValidationException">A market-neutral sleeve without a benchmark or universe returns, a window day missing from them, or a constant benchmark.</exception>
    public static (PortfolioConstraints Constraints, SleeveConstraintNotes Notes) Build(ReturnPanel complete, IReadOnlyList<StrategyAtom> atoms, SleeveSpec spec, SleeveConstraintInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(complete);
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(inputs);
        int n = complete.ColumnCount;
        RegimeLabel regime = inputs.Regime ?? RegimeLabel.Normal;
        double cap = RegimeLabels.ClusterCap(regime);
        int clusters = Math.Min(n, (int)Math.Ceiling((1 / cap) - 1e-9) + 1);
        double? relaxedFrom = null;
        if (clusters * cap < 1 - 1e-12)
        {
            relaxedFrom = cap;
            cap = 1.0 / n;
        }

        var constraints = new PortfolioConstraints { ClusterCaps = new ClusterCaps(cap, clusters, LinkageMethod.Ward) };
        IReadOnlyDictionary<string, double>? betaById = null;
        if (spec.MarketNeutral)
        {
            double[] betas = AtomBetas(complete, atoms, inputs);
            var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                map[complete.Columns[i]] = betas[i];
            }

            betaById = map;
            constraints = constraints with { Beta = new BetaNeutrality(betas) };
        }

        var notes = new SleeveConstraintNotes(
            RegimeLabels.Name(regime), inputs.Regime is null ? "default" : "regime", cap, relaxedFrom, clusters,
            spec.MarketNeutral, spec.MarketNeutral ? BetaNeutrality.DefaultTolerance : null, spec.MarketNeutral ? inputs.BenchmarkName : null, betaById);
        return (constraints, notes);
    }

    /// <summary>
    /// β of each atom: its asset's raw returns on the window's dates against the benchmark, negated for a SHORT atom.
    /// </summary>
    /// <exception cref="DomainValidationException">No universe returns, an asset not in them, or a window day they lack.</exception>
    public static double[] AtomBetas(ReturnPanel complete, IReadOnlyList<StrategyAtom> atoms, SleeveConstraintInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(complete);
        ArgumentNullException.ThrowIfNull(atoms);
        ArgumentNullException.ThrowIfNull(inputs);
        ReturnPanel universe = inputs.Universe is { HasDates: true } u && complete.HasDates
            ? u
            : throw new DomainValidationException(ErrorCodes.InvalidInput, "Market-neutral sleeve: betas need the universe's dated asset returns.");
        var rowOf = new Dictionary<DateOnly, int>(universe.RowCount);
        for (int r = 0; r < universe.RowCount; r++)
        {
            rowOf[universe.Dates[r]] = r;
        }

        var columnOf = new Dictionary<string, int>(universe.ColumnCount, StringComparer.Ordinal);
        for (int c = 0; c < universe.ColumnCount; c++)
        {
            columnOf[universe.Columns[c]] = c;
        }

        int rows = complete.RowCount;
        double[] values = new double[atoms.Count * rows];
        string[] names = new string[atoms.Count];
        for (int i = 0; i < atoms.Count; i++)
        {
            names[i] = atoms[i].Id;
            ReadOnlySpan<double> asset = columnOf.TryGetValue(atoms[i].Asset.Value, out int c)
                ? universe.Column(c)
                : throw new DomainValidationException(ErrorCodes.InvalidInput, $"Market-neutral sleeve: atom {atoms[i].Id}'s asset is not in the universe's returns.");
            for (int r = 0; r < rows; r++)
            {
                double v = rowOf.TryGetValue(complete.Dates[r], out int row) ? asset[row] : double.NaN;
                values[(i * rows) + r] = double.IsFinite(v)
                    ? v
                    : throw new DomainValidationException(ErrorCodes.InsufficientData, $"Market-neutral sleeve: {atoms[i].Asset.Value} has no return on {complete.Dates[r]:yyyy-MM-dd}.");
            }
        }

        double[] betas = Betas(new ReturnPanel(complete.Dates, names, values), inputs.Benchmark);
        for (int i = 0; i < betas.Length; i++)
        {
            betas[i] = atoms[i].Direction == Direction.Short ? -betas[i] : betas[i];
        }

        return betas;
    }

    /// <summary>βᵢ = cov(xᵢ, b)/var(b) over the panel's rows, b looked up by date.</summary>
    /// <param name="panel">Dated returns without gaps.</param>
    /// <param name="benchmark">Benchmark return per day.</param>
    /// <exception cref="DomainValidationException">No benchmark, a day missing from it, fewer than 2 rows or a constant benchmark.</exception>
    public static double[] Betas(ReturnPanel panel, IReadOnlyDictionary<DateOnly, double>? benchmark)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (benchmark is null || !panel.HasDates)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, "Market-neutral sleeve: betas need a benchmark series and dated returns.");
        }

        int rows = panel.RowCount;
        if (rows < 2)
        {
            throw new DomainValidationException(ErrorCodes.InsufficientData, $"Market-neutral sleeve: {rows} rows; betas need at least 2.");
        }

        double[] b = new double[rows];
        double bMean = 0;
        for (int r = 0; r < rows; r++)
        {
            b[r] = benchmark.TryGetValue(panel.Dates[r], out double v)
                ? v
                : throw new DomainValidationException(ErrorCodes.InsufficientData, $"Market-neutral sleeve: the benchmark has no return on {panel.Dates[r]:yyyy-MM-dd}.");
            bMean += b[r];
        }

        bMean /= rows;
        double bVar = 0;
        for (int r = 0; r < rows; r++)
        {
            b[r] -= bMean;
            bVar += b[r] * b[r];
        }

        if (!(bVar > 0))
        {
            throw new DomainValidationException(ErrorCodes.InsufficientData, "Market-neutral sleeve: the benchmark is constant over the allocation window; betas are undefined.");
        }

        double[] betas = new double[panel.ColumnCount];
        for (int c = 0; c < betas.Length; c++)
        {
            ReadOnlySpan<double> x = panel.Column(c);
            double cov = 0;
            for (int r = 0; r < rows; r++)
            {
                cov += x[r] * b[r];
            }

            betas[c] = cov / bVar;
        }

        return betas;
    }
}
