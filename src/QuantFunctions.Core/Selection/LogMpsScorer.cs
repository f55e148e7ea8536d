namespace QuantFunctions.Core.Selection;

/// <summary>
/// Selection v3.2, Log-MPS (multiplicative probability score in log space): each oriented factor becomes a probability
/// pₖ = 1/(1 + e^(−zₖ)) of its cross-sectional z-score, and score = Σₖ ln pₖ (additive log-probabilities). The alpha
/// score exp(score/K) ∈ (0, 1) is the geometric mean probability (L2 invariant); a candidate qualifies when it is ≥ ½.
/// </summary>
public static class LogMpsScorer
{
    /// <summary>Scores the candidates.</summary>
    /// <param name="factors">Oriented factors, each one value per candidate.</param>
    /// <param name="destination">Σ ln pₖ per candidate (NaN when a factor is NaN).</param>
    public static void Score(IReadOnlyList<double[]> factors, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(factors);
        destination.Clear();
        double[] p = new double[destination.Length];
        foreach (double[] factor in factors)
        {
            FactorNormalization.Apply(CarsScorer.Complete(factor, factors), FactorNormalization.Logistic, p);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] += Math.Log(p[i]);
            }
        }
    }

    /// <summary>The alpha score exp(score / <paramref name="factorCount"/>) ∈ (0, 1).</summary>
    public static double AlphaScore(double score, int factorCount) => Math.Exp(score / factorCount);
}
