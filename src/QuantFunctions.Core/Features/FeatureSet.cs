using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Features;

/// <summary>Computes the whole feature catalogue (<see cref="FeatureColumns.All"/>) for one or many symbols.</summary>
/// <remarks>
/// <para>Every column at row t is a function of rows 0..t only (causal kernels, no look-ahead, no centring), so
/// truncating the bars after t leaves rows ≤ t bit-for-bit unchanged; with <see cref="KnownAtPolicy"/> this gives
/// point-in-time reads. Warm-up rows are NaN (see each kernel). Return-based columns (volatility, moments, CVaR,
/// entropy, Hurst) are computed on the return series, which starts at row 1, so their warm-up is one row longer.</para>
/// <para>Inputs must be finite with positive high, low and close and non-negative volume; anything else throws
/// <see cref="FeatureInputException"/> naming the symbol, column and row (run the health audit first).</para>
/// </remarks>
public sealed class FeatureSet
{
    private readonly FeatureOptions _options;
    private readonly KnownAtPolicy _knownAt;
    private readonly int[] _ratingLengths;

    /// <summary>Creates the feature set and validates <paramref name="options"/>.</summary>
    /// <param name="options">Windows and parameters; defaults when null.</param>
    /// <param name="knownAt">Point-in-time rule; daily 24×7 close when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public FeatureSet(FeatureOptions? options = null, KnownAtPolicy? knownAt = null)
    {
        _options = options ?? new FeatureOptions();
        _options.Validate();
        _knownAt = knownAt ?? new KnownAtPolicy();
        _knownAt.Validate();
        _ratingLengths = [.. _options.RatingMaLengths];
    }

    /// <summary>The validated options.</summary>
    public FeatureOptions Options => _options;

    /// <summary>Computes every feature of one symbol.</summary>
    /// <param name="bars">The symbol's bars.</param>
    /// <returns>The feature block with ts and known_at.</returns>
    /// <exception cref="FeatureInputException">A value is not finite, a price is not positive or a volume is negative.</exception>
    public FeatureBlock Compute(BarSeries bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var values = new double[bars.Count * FeatureColumns.All.Count];
        ComputeInto(bars.Close, bars.High, bars.Low, bars.Volume, values, bars.Symbol.Value);
        var timestamps = new DateTimeOffset[bars.Count];
        for (int i = 0; i < timestamps.Length; i++)
        {
            timestamps[i] = bars.OpenTime(i);
        }

        var knownAt = new DateTimeOffset[bars.Count];
        _knownAt.KnownAt(timestamps, knownAt);
        return new FeatureBlock(bars.Symbol.Value, timestamps, knownAt, values);
    }

    /// <summary>Computes every feature of many symbols, in input order.</summary>
    /// <param name="symbols">The symbols' bars.</param>
    /// <returns>One block per input, same order. Results do not depend on <see cref="FeatureOptions.MaxDegreeOfParallelism"/>.</returns>
    /// <exception cref="FeatureInputException">The first invalid input, in input order.</exception>
    public IReadOnlyList<FeatureBlock> ComputeMany(IReadOnlyList<BarSeries> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        var result = new FeatureBlock[symbols.Count];
        if (_options.MaxDegreeOfParallelism == 1)
        {
            for (int i = 0; i < symbols.Count; i++)
            {
                result[i] = Compute(symbols[i]);
            }

            return result;
        }

        // Validate in input order first so the reported failure is deterministic.
        for (int i = 0; i < symbols.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(symbols[i], nameof(symbols));
            ValidateInput(symbols[i].Close, symbols[i].High, symbols[i].Low, symbols[i].Volume, symbols[i].Symbol.Value);
        }

        Parallel.For(
            0,
            symbols.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism },
            i => result[i] = Compute(symbols[i]));
        return result;
    }

    /// <summary>Computes every feature into a caller-owned column-major block.</summary>
    /// <param name="close">Closes.</param>
    /// <param name="high">Highs.</param>
    /// <param name="low">Lows.</param>
    /// <param name="volume">Volumes.</param>
    /// <param name="destination">Length rows × <see cref="FeatureColumns.All"/>.Count, column-major.</param>
    /// <param name="symbol">Symbol named in error messages.</param>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    /// <exception cref="FeatureInputException">A value is invalid.</exception>
    public void ComputeInto(
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> volume,
        Span<double> destination,
        string symbol = "")
    {
        int n = close.Length;
        KernelGuard.SameLength(n, high.Length, nameof(high));
        KernelGuard.SameLength(n, low.Length, nameof(low));
        KernelGuard.SameLength(n, volume.Length, nameof(volume));
        KernelGuard.SameLength(n * FeatureColumns.All.Count, destination.Length, nameof(destination));
        ValidateInput(close, high, low, volume, symbol);

        Span<double> Col(Span<double> block, int index) => block.Slice(index * n, n);
        Span<double> simple = Col(destination, 0), log = Col(destination, 1);
        ReturnFeatures.Simple(close, simple);
        ReturnFeatures.Log(close, log);
        MovingAverage.Sma(close, _options.SmaWindow, Col(destination, 2));
        MovingAverage.Ema(close, _options.EmaWindow, Col(destination, 3));
        MovingAverage.Vwma(close, volume, _options.VwmaWindow, Col(destination, 4));
        Rsi.Compute(close, _options.RsiPeriod, Col(destination, 5));
        DirectionalMovement.Compute(high, low, close, _options.AdxPeriod, Col(destination, 6), Col(destination, 7), Col(destination, 8));
        Donchian.Compute(high, low, _options.DonchianWindow, Col(destination, 9), Col(destination, 10), Col(destination, 11));
        RateOfChange.Compute(close, _options.RocPeriod, Col(destination, 12));

        // Return-based columns: row 0 has no return, so the kernels run on rows 1.. and row 0 stays NaN.
        for (int j = 13; j <= 18; j++)
        {
            Col(destination, j)[..Math.Min(1, n)].Fill(double.NaN);
        }

        if (n > 1)
        {
            ReadOnlySpan<double> r = log[1..];
            RollingMoments.Compute(
                r, _options.VolatilityWindow, Col(destination, 13)[1..], Col(destination, 14)[1..], Col(destination, 15)[1..], _options.PeriodsPerYear);
            if (_options.MomentsWindow != _options.VolatilityWindow)
            {
                // Volatility and moments use different windows: the second pass overwrites only skewness and kurtosis.
                double[] scratch = new double[n - 1];
                RollingMoments.Compute(r, _options.MomentsWindow, scratch, Col(destination, 14)[1..], Col(destination, 15)[1..]);
            }

            HistoricalCvar.Compute(simple[1..], _options.CvarWindow, _options.CvarLevel, Col(destination, 16)[1..]);
            PermutationEntropy.Compute(r, _options.EntropyOrder, _options.EntropyDelay, _options.EntropyWindow, Col(destination, 17)[1..]);
            HurstExponent.Compute(r, _options.HurstWindow, Col(destination, 18)[1..], _options.HurstMinScale);
        }

        EfficiencyRatio.Compute(close, _options.EfficiencyWindow, Col(destination, 19));
        TechnicalRating.MovingAverageRating(close, _ratingLengths, Col(destination, 20));
        TechnicalRating.OscillatorRating(
            Col(destination, 5), Col(destination, 6), Col(destination, 7), Col(destination, 8), Col(destination, 12), Col(destination, 21));
        TechnicalRating.AllRating(Col(destination, 20), Col(destination, 21), Col(destination, 22));
    }

    private static void ValidateInput(
        ReadOnlySpan<double> close, ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> volume, string symbol)
    {
        RequirePositive(close, symbol, "close");
        RequirePositive(high, symbol, "high");
        RequirePositive(low, symbol, "low");
        for (int i = 0; i < volume.Length; i++)
        {
            if (!(volume[i] >= 0 && double.IsFinite(volume[i])))
            {
                throw new FeatureInputException(symbol, "volume", i, volume[i], "finite and >= 0");
            }
        }
    }

    private static void RequirePositive(ReadOnlySpan<double> column, string symbol, string name)
    {
        for (int i = 0; i < column.Length; i++)
        {
            if (!(column[i] > 0 && double.IsFinite(column[i])))
            {
                throw new FeatureInputException(symbol, name, i, column[i], "finite and > 0");
            }
        }
    }
}
