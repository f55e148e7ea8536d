using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Regime;

/// <summary>
/// The HMM's observation per day, from trailing windows of W benchmark returns (causal: day t uses days t−W+1..t).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>ret</c>: the day's benchmark return rₜ.</item>
/// <item><c>dwt_energy</c>: ln of the mean squared level-1 Haar wavelet detail coefficient of the window,
/// dₖ = (r₂ₖ − r₂ₖ₊₁)/√2 over the W/2 non-overlapping pairs — the high-frequency energy, ≈ ln σ² for i.i.d. returns
/// and insensitive to drift (S. Mallat, "A Wavelet Tour of Signal Processing", 3rd ed., §7.2).</item>
/// <item><c>perm_entropy</c>: normalised permutation entropy of order 3 over the window's W−2 patterns
/// (<see cref="PermutationEntropy"/>).</item>
/// </list>
/// The first W−1 days have no full window; they are dropped and counted (<see cref="RegimeFeatureMatrix.FirstRow"/>).
/// </remarks>
public static class RegimeFeatures
{
    /// <summary>The feature names in column order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ret", "dwt_energy", "perm_entropy"];

    /// <summary>The schema a fitted model records and inference must match: names with their window and kernel.</summary>
    /// <param name="window">W.</param>
    public static IReadOnlyList<string> Schema(int window) => ["ret", $"dwt_energy:haar1:w{window}", $"perm_entropy:m3:w{window}"];

    /// <summary>Computes the feature matrix of <paramref name="returns"/>.</summary>
    /// <param name="returns">Benchmark returns, oldest first, finite.</param>
    /// <param name="window">W: even, 8..512.</param>
    /// <exception cref="DomainValidationException">W is invalid, a return is not finite, or there are fewer than W + 1 returns.</exception>
    public static RegimeFeatureMatrix Compute(ReadOnlySpan<double> returns, int window)
    {
        if (window < 8 || window > 512 || window % 2 != 0)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, $"Regime features: window must be even and in 8..512 (got {window}).");
        }

        for (int i = 0; i < returns.Length; i++)
        {
            if (!double.IsFinite(returns[i]))
            {
                throw new DomainValidationException(ErrorCodes.NonFiniteValue, $"Regime features: benchmark return {i} is {returns[i]}.");
            }
        }

        if (returns.Length < window + 1)
        {
            throw new DomainValidationException(ErrorCodes.InsufficientData, $"Regime features: {returns.Length} returns; a window of {window} needs at least {window + 1}.");
        }

        int first = window - 1, rows = returns.Length - first;
        const int dims = 3;
        double[] entropy = new double[returns.Length];
        PermutationEntropy.Compute(returns, 3, 1, window - 2, entropy);
        double[] values = new double[rows * dims];
        int pairs = window / 2;
        for (int r = 0; r < rows; r++)
        {
            int t = first + r, start = t - window + 1;
            double energy = 0;
            for (int p = 0; p < pairs; p++)
            {
                double d = returns[start + (2 * p)] - returns[start + (2 * p) + 1];
                energy += d * d;
            }

            values[r * dims] = returns[t];
            values[(r * dims) + 1] = Math.Log(Math.Max(energy / (2.0 * pairs), 1e-300));
            values[(r * dims) + 2] = entropy[t];
        }

        return new RegimeFeatureMatrix(Names, first, rows, values);
    }
}
