using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Returns;

/// <summary>Simple returns from prices.</summary>
public static class PriceReturns
{
    /// <summary>
    /// Simple returns rₜ = pₜ/pₜ₋₁ − 1 per asset. A return is missing (NaN) when either price is
    /// missing; rows in which every return is missing (the first row, always) are dropped — the
    /// convention of pandas <c>pct_change().dropna(how="all")</c>.
    /// </summary>
    /// <param name="assets">Asset names.</param>
    /// <param name="periods">Number of price rows.</param>
    /// <param name="prices">Prices, periods × N, column-major; NaN marks a missing price.</param>
    /// <exception cref="AllocationException">±∞ or non-positive prices, or fewer than two rows.</exception>
    public static ReturnsMatrix FromPrices(IReadOnlyList<string> assets, int periods, ReadOnlySpan<double> prices)
    {
        ArgumentNullException.ThrowIfNull(assets);
        int n = assets.Count;
        if (prices.Length != periods * n)
        {
            throw new AllocationException(ErrorCodes.ShapeMismatch, $"prices hold {prices.Length} values, expected {periods} × {n}");
        }

        if (periods < 2)
        {
            throw new AllocationException(ErrorCodes.InsufficientData, $"{periods} price rows give no returns; at least 2 are required");
        }

        for (int j = 0; j < n; j++)
        {
            for (int t = 0; t < periods; t++)
            {
                double p = prices[(j * periods) + t];
                if (!double.IsNaN(p) && !(p > 0 && double.IsFinite(p)))
                {
                    throw new AllocationException(ErrorCodes.NonFiniteValue, $"price of asset '{assets[j]}' at row {t} is {p}; prices must be positive and finite", assets[j]);
                }
            }
        }

        var keep = new List<int>(periods);
        for (int t = 1; t < periods; t++)
        {
            for (int j = 0; j < n; j++)
            {
                if (!double.IsNaN(prices[(j * periods) + t]) && !double.IsNaN(prices[(j * periods) + t - 1]))
                {
                    keep.Add(t);
                    break;
                }
            }
        }

        int rows = keep.Count;
        double[] r = new double[rows * n];
        for (int j = 0; j < n; j++)
        {
            for (int k = 0; k < rows; k++)
            {
                int t = keep[k];
                r[(j * rows) + k] = (prices[(j * periods) + t] / prices[(j * periods) + t - 1]) - 1.0;
            }
        }

        return ReturnsMatrix.CreateWithMissing(assets, rows, r);
    }
}
