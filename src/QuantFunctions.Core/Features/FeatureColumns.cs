namespace QuantFunctions.Core.Features;

/// <summary>The stable column names and order of a <see cref="FeatureBlock"/>.</summary>
/// <remarks>Names carry no parameters: the windows live in <see cref="FeatureOptions"/> and are recorded with the
/// dataset, so a window change does not change the schema.</remarks>
public static class FeatureColumns
{
    /// <summary>Simple return.</summary>
    public const string SimpleReturn = "ret_simple";

    /// <summary>Log return.</summary>
    public const string LogReturn = "ret_log";

    /// <summary>Simple moving average of close.</summary>
    public const string Sma = "sma";

    /// <summary>Exponential moving average of close.</summary>
    public const string Ema = "ema";

    /// <summary>Volume-weighted moving average of close.</summary>
    public const string Vwma = "vwma";

    /// <summary>Wilder RSI.</summary>
    public const string Rsi = "rsi";

    /// <summary>+DI.</summary>
    public const string PlusDi = "plus_di";

    /// <summary>−DI.</summary>
    public const string MinusDi = "minus_di";

    /// <summary>ADX.</summary>
    public const string Adx = "adx";

    /// <summary>Donchian upper channel.</summary>
    public const string DonchianUpper = "donchian_upper";

    /// <summary>Donchian lower channel.</summary>
    public const string DonchianLower = "donchian_lower";

    /// <summary>Donchian midpoint.</summary>
    public const string DonchianMid = "donchian_mid";

    /// <summary>Rate of change (percent).</summary>
    public const string Roc = "roc";

    /// <summary>Annualised realised volatility of log returns.</summary>
    public const string RealisedVolatility = "realised_vol";

    /// <summary>Rolling skewness of log returns.</summary>
    public const string Skewness = "skewness";

    /// <summary>Rolling excess kurtosis of log returns.</summary>
    public const string Kurtosis = "kurtosis";

    /// <summary>Historical CVaR of simple returns (a positive loss).</summary>
    public const string Cvar = "cvar";

    /// <summary>Normalised permutation entropy of log returns.</summary>
    public const string PermutationEntropy = "perm_entropy";

    /// <summary>R/S-AL Hurst exponent of log returns.</summary>
    public const string Hurst = "hurst";

    /// <summary>Kaufman efficiency ratio of close.</summary>
    public const string EfficiencyRatio = "efficiency_ratio";

    /// <summary>MA rating (Recommend.MA-style).</summary>
    public const string RatingMa = "rating_ma";

    /// <summary>Oscillator rating (Recommend.Other-style).</summary>
    public const string RatingOscillators = "rating_osc";

    /// <summary>Overall rating (Recommend.All-style).</summary>
    public const string RatingAll = "rating_all";

    /// <summary>Every column, in block order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SimpleReturn, LogReturn, Sma, Ema, Vwma, Rsi, PlusDi, MinusDi, Adx, DonchianUpper, DonchianLower, DonchianMid,
        Roc, RealisedVolatility, Skewness, Kurtosis, Cvar, PermutationEntropy, Hurst, EfficiencyRatio,
        RatingMa, RatingOscillators, RatingAll,
    ];

    /// <summary>Index of <paramref name="name"/> in <see cref="All"/>.</summary>
    /// <param name="name">A column name.</param>
    /// <returns>The zero-based column index.</returns>
    /// <exception cref="KeyNotFoundException">The name is not a feature column.</exception>
    public static int IndexOf(string name)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"'{name}' is not a feature column; known columns: {string.Join(", ", All)}.");
    }
}
