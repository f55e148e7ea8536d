using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Regime;

/// <summary>
/// A Gaussian hidden Markov model with diagonal covariances: K states over D-dimensional observations.
/// Arrays are flat: <see cref="Transition"/> is K×K row-major (row i = from state i), <see cref="Means"/> and
/// <see cref="Variances"/> are K×D row-major.
/// </summary>
/// <param name="States">K ≥ 1.</param>
/// <param name="Dimensions">D ≥ 1.</param>
/// <param name="Initial">π: the probability of each state on the first day (sums to 1).</param>
/// <param name="Transition">A: A[i·K + j] = P(state j tomorrow | state i today); rows sum to 1.</param>
/// <param name="Means">μ[k·D + d].</param>
/// <param name="Variances">σ²[k·D + d] &gt; 0.</param>
public sealed record HmmParameters(int States, int Dimensions, double[] Initial, double[] Transition, double[] Means, double[] Variances)
{
    /// <summary>Checks shapes, finiteness, positive variances and that π and every row of A sum to 1 (within 1e-8).</summary>
    /// <exception cref="DomainValidationException">A shape or value is invalid.</exception>
    public void Validate()
    {
        int k = States, d = Dimensions;
        Require(k >= 1 && d >= 1, $"states ({k}) and dimensions ({d}) must be at least 1");
        Require(Initial.Length == k && Transition.Length == k * k && Means.Length == k * d && Variances.Length == k * d,
            $"array sizes π {Initial.Length}, A {Transition.Length}, μ {Means.Length}, σ² {Variances.Length} do not fit {k} states × {d} dimensions");
        RequireDistribution(Initial, "initial probabilities");
        for (int i = 0; i < k; i++)
        {
            RequireDistribution(Transition.AsSpan(i * k, k), $"transition row {i}");
        }

        foreach (double m in Means)
        {
            Require(double.IsFinite(m), $"a mean is {m}");
        }

        foreach (double v in Variances)
        {
            Require(double.IsFinite(v) && v > 0, $"a variance is {v} (must be finite and positive)");
        }
    }

    private static void RequireDistribution(ReadOnlySpan<double> p, string what)
    {
        double sum = 0;
        foreach (double x in p)
        {
            Require(double.IsFinite(x) && x >= 0, $"{what} hold {x}");
            sum += x;
        }

        Require(Math.Abs(sum - 1) <= 1e-8, $"{what} sum to {sum}, not 1");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, "HMM parameters: " + message + ".");
        }
    }
}
