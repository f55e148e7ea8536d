using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Selection;

/// <summary>
/// One asset's price proxy from its observed silver returns, Pₖ = Π_{i≤k}(1 + rᵢ) with P₀ = 1 (missing returns are
/// skipped, never zero-filled), and, for its last points, the feature store's vwma/sma as of each point's date.
/// </summary>
internal sealed class PriceProxy
{
    private PriceProxy(double[] prices, double[] vwmaOverSma)
    {
        Prices = prices;
        VwmaOverSma = vwmaOverSma;
    }

    /// <summary>The proxy's last points (at most the tail asked for), oldest first.</summary>
    public double[] Prices { get; }

    /// <summary>Per point, vwma/sma from the store (NaN outside the tail or when unknown).</summary>
    public double[] VwmaOverSma { get; }

    /// <summary>Builds the last <paramref name="tail"/> points of column <paramref name="column"/>'s proxy, with their ratios.</summary>
    public static PriceProxy Build(ReturnPanel history, int column, FeatureHistory features, DateOnly asOf, int tail)
    {
        ReadOnlySpan<double> col = history.Column(column);
        int observed = 0;
        foreach (double r in col)
        {
            observed += double.IsNaN(r) ? 0 : 1;
        }

        // Only the last `tail` points are kept: the running product runs over every observation.
        int kept = Math.Min(observed + 1, tail), first = observed + 1 - kept;
        double[] prices = new double[kept];
        double[] ratio = new double[kept];
        Array.Fill(ratio, double.NaN);
        bool withVwma = features.HasColumn(FeatureColumns.Vwma);
        string symbol = history.Columns[column];
        double level = 1.0;
        if (first == 0)
        {
            prices[0] = level;
        }

        for (int t = 0, k = 0; t < col.Length; t++)
        {
            if (double.IsNaN(col[t]))
            {
                continue;
            }

            k++;
            level *= 1.0 + col[t];
            if (k < first)
            {
                continue;
            }

            prices[k - first] = level;
            if (withVwma)
            {
                DateOnly date = history.Dates[t] <= asOf ? history.Dates[t] : asOf;
                ratio[k - first] = features.Latest(symbol, FeatureColumns.Vwma, date) / features.Latest(symbol, FeatureColumns.Sma, date);
            }
        }

        return new PriceProxy(prices, ratio);
    }

    /// <summary>SMA of the last <paramref name="window"/> points (NaN with fewer points).</summary>
    public double CloseScale(int window)
    {
        if (Prices.Length < window)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int k = Prices.Length - window; k < Prices.Length; k++)
        {
            sum += Prices[k];
        }

        return sum / window;
    }
}
