using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Performance;

/// <summary>Equity and drawdown series from a return series.</summary>
public static class EquityCurve
{
    /// <summary>Compounds returns into equity: <c>Eₜ = E₀ Π_{s≤t}(1 + r_s)</c>.</summary>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="destination">Equity after each period.</param>
    /// <param name="start">The equity before the first period; 1 by default.</param>
    public static void FromReturns(ReadOnlySpan<double> returns, Span<double> destination, double start = 1.0)
    {
        CheckLength(returns, destination);
        double e = start;
        for (int t = 0; t < returns.Length; t++)
        {
            e *= 1.0 + returns[t];
            destination[t] = e;
        }
    }

    /// <summary>
    /// Recovers periodic returns from an equity curve: <c>rₜ = Eₜ / Eₜ₋₁ − 1</c> with <c>E₋₁ = start</c>
    /// (use it to recompute metrics from a stored equity curve).
    /// </summary>
    /// <param name="equity">Equity after each period, finite and positive.</param>
    /// <param name="destination">The returns.</param>
    /// <param name="start">The equity before the first period; 1 by default.</param>
    /// <exception cref="DomainValidationException">When an equity value is not finite and positive.</exception>
    public static void ToReturns(ReadOnlySpan<double> equity, Span<double> destination, double start = 1.0)
    {
        CheckLength(equity, destination);
        double previous = start;
        for (int t = 0; t < equity.Length; t++)
        {
            if (!(double.IsFinite(equity[t]) && equity[t] > 0 && double.IsFinite(previous) && previous > 0))
            {
                throw new DomainValidationException(
                    ErrorCodes.NonFiniteValue, $"equity curve: value at index {t} is {equity[t]} after {previous}; equity must be finite and positive.");
            }

            destination[t] = (equity[t] / previous) - 1.0;
            previous = equity[t];
        }
    }

    /// <summary>
    /// Drawdown after each period, <c>DDₜ = Eₜ / max(E₀, max_{s≤t} E_s) − 1</c> (≤ 0), with the starting
    /// equity <c>E₀ = 1</c> as the first peak (so a loss on day one is a drawdown).
    /// </summary>
    /// <param name="returns">Periodic simple returns.</param>
    /// <param name="destination">The drawdowns.</param>
    public static void Drawdowns(ReadOnlySpan<double> returns, Span<double> destination)
    {
        CheckLength(returns, destination);
        double e = 1.0, peak = 1.0;
        for (int t = 0; t < returns.Length; t++)
        {
            e *= 1.0 + returns[t];
            peak = Math.Max(peak, e);
            destination[t] = (e / peak) - 1.0;
        }
    }

    private static void CheckLength(ReadOnlySpan<double> returns, Span<double> destination)
    {
        if (destination.Length != returns.Length)
        {
            throw new ArgumentException("destination must have the length of returns.", nameof(destination));
        }
    }
}
