using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Returns;

/// <summary>Annualised expected returns estimated from historical periodic returns.</summary>
/// <remarks>
/// Missing observations (NaN) are skipped per asset, so each asset's estimate uses its own count
/// nᵢ of observed returns — PyPortfolioOpt's <c>mean_historical_return</c> convention.
/// </remarks>
public static class ExpectedReturns
{
    /// <summary>Trading days per year for equities.</summary>
    public const int EquityPeriodsPerYear = 252;

    /// <summary>Calendar days per year for crypto markets.</summary>
    public const int CryptoPeriodsPerYear = 365;

    /// <summary>Annualised arithmetic mean μᵢ = P · (1/nᵢ) Σₜ rᵢₜ.</summary>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="periodsPerYear">P, e.g. 252 (equities) or 365 (crypto); 1 keeps the periodic mean.</param>
    /// <exception cref="AllocationException">An asset with no observed return.</exception>
    public static double[] ArithmeticMean(ReturnPanel returns, int periodsPerYear = EquityPeriodsPerYear) =>
        Estimate(returns, periodsPerYear, geometric: false);

    /// <summary>Annualised geometric (compounded) mean μᵢ = (Πₜ (1 + rᵢₜ))^(P/nᵢ) − 1.</summary>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="periodsPerYear">P, e.g. 252 (equities) or 365 (crypto).</param>
    /// <exception cref="AllocationException">An asset with no observed return.</exception>
    public static double[] Geometric(ReturnPanel returns, int periodsPerYear = EquityPeriodsPerYear) =>
        Estimate(returns, periodsPerYear, geometric: true);

    /// <summary>Dispatches on <paramref name="method"/>.</summary>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="method">Arithmetic or geometric.</param>
    /// <param name="periodsPerYear">P.</param>
    public static double[] Estimate(ReturnPanel returns, ExpectedReturnMethod method, int periodsPerYear = EquityPeriodsPerYear) =>
        Estimate(returns, periodsPerYear, method == ExpectedReturnMethod.Geometric);

    private static double[] Estimate(ReturnPanel returns, int periodsPerYear, bool geometric)
    {
        ReturnsInput.Validate(returns);
        CheckPeriodsPerYear(periodsPerYear);
        double[] mu = new double[returns.ColumnCount];
        for (int j = 0; j < mu.Length; j++)
        {
            ReadOnlySpan<double> col = returns.Column(j);
            double sum = 0, logGrowth = 0;
            int count = 0;
            foreach (double r in col)
            {
                if (double.IsNaN(r))
                {
                    continue;
                }

                count++;
                sum += r;
                logGrowth += Math.Log(1.0 + r);
            }

            if (count == 0)
            {
                throw new AllocationException(ErrorCodes.InsufficientData, $"asset '{returns.Columns[j]}' has no observed return", returns.Columns[j]);
            }

            mu[j] = geometric
                ? Math.Exp(logGrowth * periodsPerYear / count) - 1.0
                : sum / count * periodsPerYear;
        }

        return mu;
    }

    /// <summary>Rejects an annualisation factor below 1 (shared by the μ and Σ estimators and their options).</summary>
    internal static void CheckPeriodsPerYear(int periodsPerYear)
    {
        if (periodsPerYear < 1)
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"periods per year must be at least 1 (got {periodsPerYear})", "periods_per_year");
        }
    }
}
