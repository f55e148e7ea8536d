using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// A sleeve's universe selection as of a date, from silver returns and the point-in-time feature store only: the
/// Foundation Gate, the vetoes (each with its reason), the standard's score and filter, Ward clusters of raw returns,
/// and HTR v3.4 (docs/selection.md). Rows dated after the as-of, in the returns or the features, are never read.
/// Deterministic: no randomness, ties broken by symbol.
/// </summary>
public static class SelectionEngine
{
    /// <summary>The store columns every standard reads (the vetoes).</summary>
    public static IReadOnlyList<string> VetoFeatures { get; } =
        [FeatureColumns.PermutationEntropy, FeatureColumns.Hurst, FeatureColumns.EfficiencyRatio, FeatureColumns.Kurtosis, FeatureColumns.RealisedVolatility, FeatureColumns.Roc];

    /// <summary>The store columns a standard reads: the veto features plus its own.</summary>
    public static IReadOnlyList<string> RequiredFeatures(string standard) => SelectionStandards.Canonical(standard) switch
    {
        SelectionStandards.V5 => [.. VetoFeatures, FeatureColumns.Sma, FeatureColumns.Vwma],
        SelectionStandards.V51 => [.. VetoFeatures, FeatureColumns.Sma, FeatureColumns.Adx, FeatureColumns.PlusDi, FeatureColumns.MinusDi, FeatureColumns.DonchianUpper, FeatureColumns.DonchianLower],
        _ => VetoFeatures,
    };

    /// <summary>Selects one book.</summary>
    /// <param name="returns">Simple returns, dates × universe assets (NaN = no observation); rows after <paramref name="asOf"/> are ignored.</param>
    /// <param name="features">The feature store's rows; rows dated after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The decision date.</param>
    /// <param name="options">The standard and its options.</param>
    /// <param name="direction">The sleeve's direction: scores are oriented to it.</param>
    /// <param name="periodsPerYear">The sleeve's annualisation (365 marks a crypto sleeve for the entropy bound).</param>
    /// <returns>The selection.</returns>
    /// <exception cref="SelectionException">Invalid options, a missing feature column, or an unstable foundation.</exception>
    public static SelectionResult Select(ReturnPanel returns, FeatureHistory features, DateOnly asOf, SelectionOptions options, Direction direction, int periodsPerYear) =>
        Prepare(returns, features, asOf, options, periodsPerYear).Decide(direction, excluded: null);

    /// <summary>
    /// Selects a long and a short book from the same candidates, with disjoint winners: the long book is selected first,
    /// exactly as <see cref="Select"/> would; in the short book every long winner carries the hard veto
    /// <see cref="VetoReasons.LongBook"/>, so no HTR stage (not even Cluster Floor or Alpha Fallback) can pick it.
    /// Scores and the standard's filter are those of a standalone short selection. The gate, the vetoes and the clusters
    /// are computed once for both books.
    /// </summary>
    /// <param name="returns">Simple returns, dates × universe assets (NaN = no observation); rows after <paramref name="asOf"/> are ignored.</param>
    /// <param name="features">The feature store's rows; rows dated after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The decision date.</param>
    /// <param name="options">The standard and its options (both books).</param>
    /// <param name="periodsPerYear">The sleeve's annualisation.</param>
    /// <returns>The two books.</returns>
    /// <exception cref="SelectionException">Invalid options, a missing feature column, or an unstable foundation.</exception>
    public static BookSelection SelectBooks(ReturnPanel returns, FeatureHistory features, DateOnly asOf, SelectionOptions options, int periodsPerYear)
    {
        Prepared prepared = Prepare(returns, features, asOf, options, periodsPerYear);
        SelectionResult longBook = prepared.Decide(Direction.Long, excluded: null);
        var excluded = new HashSet<string>(longBook.Winners, StringComparer.Ordinal);
        return new BookSelection(longBook, prepared.Decide(Direction.Short, excluded));
    }

    /// <summary>The direction-free part of a selection: the gate, the clusters, the features read and the vetoes.</summary>
    private static Prepared Prepare(ReturnPanel returns, FeatureHistory features, DateOnly asOf, SelectionOptions options, int periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate("selection");
        features.Require(RequiredFeatures(options.Standard), options.Standard);
        int known = KnownRows(returns.Dates, asOf);
        if (known == 0)
        {
            throw new SelectionException(ErrorCodes.FoundationUnstable, $"Foundation Gate: no return dated on or before {asOf:yyyy-MM-dd}.");
        }

        ReturnPanel history = returns.SliceRows(0, known);
        ReturnPanel window = history.SliceRows(Math.Max(0, known - options.History), Math.Min(known, options.History));
        FoundationGateResult gate = FoundationGate.Check(window, options);
        (int[] clusters, int clusterCount) = CandidateClustering.Cluster(window, gate, options.MaxClusters);

        int n = returns.ColumnCount;
        var vetoes = new List<string>[n];
        double[] momentum = new double[n], er = new double[n], vol = new double[n], kurt = new double[n];
        for (int j = 0; j < n; j++)
        {
            vetoes[j] = [];
            string symbol = returns.Columns[j];
            if (gate.Reasons[j] is string reason)
            {
                vetoes[j].Add(reason);
                (momentum[j], er[j], vol[j], kurt[j]) = (double.NaN, double.NaN, double.NaN, double.NaN);
                continue;
            }

            ReadOnlySpan<double> col = history.Column(j);
            momentum[j] = ReturnStatistics.Compounded(col[Math.Max(0, known - options.Lookback)..]);
            er[j] = features.Latest(symbol, FeatureColumns.EfficiencyRatio, asOf);
            vol[j] = features.Latest(symbol, FeatureColumns.RealisedVolatility, asOf);
            kurt[j] = features.Latest(symbol, FeatureColumns.Kurtosis, asOf);
            Veto(vetoes[j], features, symbol, asOf, ReturnStatistics.RollSpread(window.Column(j)), options, periodsPerYear);
        }

        return new Prepared(history, features, asOf, options, gate, clusters, clusterCount, vetoes, momentum, er, vol, kurt);
    }

    private static void Veto(List<string> vetoes, FeatureHistory features, string symbol, DateOnly asOf, double spread, SelectionOptions options, int periodsPerYear)
    {
        double entropy = features.Latest(symbol, FeatureColumns.PermutationEntropy, asOf);
        double hurst = features.Latest(symbol, FeatureColumns.Hurst, asOf);
        double er = features.Latest(symbol, FeatureColumns.EfficiencyRatio, asOf);
        double kurt = features.Latest(symbol, FeatureColumns.Kurtosis, asOf);
        double vol = features.Latest(symbol, FeatureColumns.RealisedVolatility, asOf);
        double roc = features.Latest(symbol, FeatureColumns.Roc, asOf);
        // A risk feature without a value (no store row, or warm-up) cannot clear its veto: the asset is out.
        if (double.IsNaN(kurt) || double.IsNaN(vol) || double.IsNaN(roc))
        {
            vetoes.Add(VetoReasons.FeatureMissing);
            return;
        }

        AddIf(vetoes, kurt > options.KurtosisMax, VetoReasons.Kurtosis);
        AddIf(vetoes, vol > options.VolatilityMax, VetoReasons.Volatility);
        AddIf(vetoes, roc > options.RocMax || roc < options.RocMin, VetoReasons.Roc);
        AddIf(vetoes, spread > options.FrictionMax, VetoReasons.Friction);

        // Predictability not yet measurable (warm-up NaN) is not established: the veto holds, and HTR relaxes it like any other.
        AddIf(vetoes, !(entropy <= options.EntropyThreshold(periodsPerYear)), VetoReasons.Entropy);
        AddIf(vetoes, !(Math.Abs(hurst - 0.5) >= options.HurstBand), VetoReasons.Hurst);
        AddIf(vetoes, !(er >= options.EfficiencyMin), VetoReasons.Efficiency);
    }

    private static void AddIf(List<string> vetoes, bool condition, string reason)
    {
        if (condition)
        {
            vetoes.Add(reason);
        }
    }

    /// <summary>The CARS / Log-MPS factors, oriented higher = better: direction × momentum, efficiency ratio, −volatility, −kurtosis.</summary>
    private static double[][] Factors(double[] momentum, double[] er, double[] vol, double[] kurt, double sign)
    {
        int n = momentum.Length;
        double[] m = new double[n], v = new double[n], k = new double[n];
        for (int j = 0; j < n; j++)
        {
            (m[j], v[j], k[j]) = (sign * momentum[j], -vol[j], -kurt[j]);
        }

        return [m, er, v, k];
    }

    private static void TrendScores(ReturnPanel history, FeatureHistory features, DateOnly asOf, SelectionOptions options, Direction direction, string scorer, double[] score, bool[] qualified)
    {
        int shortWindow = new FeatureOptions().SmaWindow;
        for (int j = 0; j < history.ColumnCount; j++)
        {
            PriceProxy proxy = PriceProxy.Build(history, j, features, asOf, TrendRule.LongWindow + options.CrossWithin + TrendRule.MidWindow);
            if (scorer == SelectionStandards.V5)
            {
                TrendSignal signal = TrendRule.Evaluate(proxy.Prices, proxy.VwmaOverSma, shortWindow, options, direction);
                score[j] = (direction == Direction.Short ? -1.0 : 1.0) * signal.Gap;
                qualified[j] = signal.Regime && (options.CrossWithin == 0 || signal.Cross);
                continue;
            }

            string symbol = history.Columns[j];
            double close = proxy.CloseScale(shortWindow) is double c && c > 0 ? features.Latest(symbol, FeatureColumns.Sma, asOf) * proxy.Prices[^1] / c : double.NaN;
            (score[j], qualified[j]) = BreakoutRule.Evaluate(
                features.Latest(symbol, FeatureColumns.Adx, asOf),
                features.Latest(symbol, FeatureColumns.PlusDi, asOf),
                features.Latest(symbol, FeatureColumns.MinusDi, asOf),
                close,
                features.Latest(symbol, FeatureColumns.DonchianUpper, asOf),
                features.Latest(symbol, FeatureColumns.DonchianLower, asOf),
                options,
                direction);
        }
    }

    private static int KnownRows(DateOnly[] dates, DateOnly asOf)
    {
        int lo = 0, hi = dates.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (dates[mid] <= asOf)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>One prepared selection, decided per direction (scores, the standard's filter, HTR).</summary>
    private sealed record Prepared(
        ReturnPanel History,
        FeatureHistory Features,
        DateOnly AsOf,
        SelectionOptions Options,
        FoundationGateResult Gate,
        int[] Clusters,
        int ClusterCount,
        List<string>[] Vetoes,
        double[] Momentum,
        double[] Er,
        double[] Vol,
        double[] Kurt)
    {
        /// <summary>The book of <paramref name="direction"/>; every symbol in <paramref name="excluded"/> gets the hard veto <see cref="VetoReasons.LongBook"/>.</summary>
        public SelectionResult Decide(Direction direction, HashSet<string>? excluded)
        {
            int n = History.ColumnCount;
            string[] columns = History.Columns;
            double sign = direction == Direction.Short ? -1.0 : 1.0;
            double[] score = new double[n];
            bool[] qualified = new bool[n];
            string scorer = SelectionStandards.Canonical(Options.Standard);
            switch (scorer)
            {
                case SelectionStandards.V21:
                    CarsScorer.Score(Factors(Momentum, Er, Vol, Kurt, sign), Options.Normalization, score);
                    Array.Fill(qualified, true);
                    break;
                case SelectionStandards.V32:
                    double[][] factors = Factors(Momentum, Er, Vol, Kurt, sign);
                    LogMpsScorer.Score(factors, score);
                    for (int j = 0; j < n; j++)
                    {
                        qualified[j] = LogMpsScorer.AlphaScore(score[j], factors.Length) >= 0.5;
                    }

                    break;
                case SelectionStandards.V4:
                    for (int j = 0; j < n; j++)
                    {
                        score[j] = sign * Momentum[j];
                    }

                    PercentileFilter.Qualify(score, columns, Options.Percentile, qualified);
                    break;
                default:
                    TrendScores(History, Features, AsOf, Options, direction, scorer, score, qualified);
                    break;
            }

            var candidates = new List<SelectionCandidate>(n);
            for (int j = 0; j < n; j++)
            {
                bool gated = Gate.Reasons[j] is not null;
                var vetoes = new List<string>(Vetoes[j]);
                if (!gated && double.IsNaN(score[j]) && !vetoes.Contains(VetoReasons.FeatureMissing))
                {
                    vetoes.Insert(0, VetoReasons.History);
                }

                if (!gated && excluded is not null && excluded.Contains(columns[j]))
                {
                    vetoes.Insert(0, VetoReasons.LongBook);
                }

                candidates.Add(new SelectionCandidate(columns[j], gated ? double.NaN : score[j], !gated && qualified[j], Clusters[j], vetoes, Gate.Observations[j]));
            }

            candidates.Sort(static (a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
            (IReadOnlyList<HtrStageResult> stages, HtrStage reached, IReadOnlyList<string> winners) = HtrLoop.Run(candidates, Options);
            DateOnly decided = History.Dates[^1];
            return new SelectionResult(decided, Options.Standard, direction, candidates, stages, reached, winners, Options.Floor, SelectionFunnel.Count(candidates, Gate, stages), Gate, ClusterCount);
        }
    }
}
