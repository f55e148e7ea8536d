namespace QuantFunctions.Core.Selection;

/// <summary>
/// Selection v2.1, CARS (composite additive rank-sum): score = Σₖ norm(fₖ), each factor oriented so that higher is
/// better and normalised across the candidates by rank, z-score or logistic (<see cref="FactorNormalization"/>). A
/// candidate with any NaN factor gets NaN.
/// </summary>
public static class CarsScorer
{
    /// <summary>Scores the candidates.</summary>
    /// <param name="factors">Oriented factors, each one value per candidate.</param>
    /// <param name="normalization">A <see cref="FactorNormalization"/> name.</param>
    /// <param name="destination">One score per candidate.</param>
    public static void Score(IReadOnlyList<double[]> factors, string normalization, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(factors);
        destination.Clear();
        double[] scratch = new double[destination.Length];
        foreach (double[] factor in factors)
        {
            FactorNormalization.Apply(Complete(factor, factors), normalization, scratch);
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] += scratch[i];
            }
        }
    }

    /// <summary>The factor with NaN wherever any factor is NaN, so every factor is normalised over the same candidates.</summary>
    internal static double[] Complete(double[] factor, IReadOnlyList<double[]> factors)
    {
        double[] result = (double[])factor.Clone();
        foreach (double[] other in factors)
        {
            for (int i = 0; i < result.Length; i++)
            {
                if (double.IsNaN(other[i]))
                {
                    result[i] = double.NaN;
                }
            }
        }

        return result;
    }
}
