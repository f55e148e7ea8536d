namespace QuantFunctions.Core.Features;

/// <summary>One-period simple and logarithmic returns of a price series.</summary>
/// <remarks>
/// Simple: r<sub>t</sub> = P<sub>t</sub> / P<sub>t−1</sub> − 1. Log: ℓ<sub>t</sub> = ln(P<sub>t</sub> / P<sub>t−1</sub>).
/// Row 0 has no predecessor and is NaN (warm-up of one row). Prices are expected finite and positive
/// (<see cref="FeatureSet"/> validates them); the kernels do not check.
/// </remarks>
public static class ReturnFeatures
{
    /// <summary>Writes simple returns of <paramref name="prices"/> into <paramref name="destination"/>.</summary>
    /// <param name="prices">Prices, oldest first.</param>
    /// <param name="destination">Same length as <paramref name="prices"/>; row 0 is NaN.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Simple(ReadOnlySpan<double> prices, Span<double> destination)
    {
        KernelGuard.Prepare(prices, destination, 1, nameof(destination));
        for (int t = 1; t < prices.Length; t++)
        {
            destination[t] = (prices[t] / prices[t - 1]) - 1.0;
        }
    }

    /// <summary>Writes log returns of <paramref name="prices"/> into <paramref name="destination"/>.</summary>
    /// <param name="prices">Prices, oldest first.</param>
    /// <param name="destination">Same length as <paramref name="prices"/>; row 0 is NaN.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void Log(ReadOnlySpan<double> prices, Span<double> destination)
    {
        KernelGuard.Prepare(prices, destination, 1, nameof(destination));
        for (int t = 1; t < prices.Length; t++)
        {
            destination[t] = Math.Log(prices[t] / prices[t - 1]);
        }
    }
}
