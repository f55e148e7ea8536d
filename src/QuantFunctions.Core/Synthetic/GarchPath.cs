namespace QuantFunctions.Core.Synthetic;

/// <summary>GARCH(1,1) paths with unit-variance Student-t innovations.</summary>
/// <remarks>
/// <c>εₜ = √hₜ · zₜ</c>, <c>hₜ₊₁ = ω + α·εₜ² + β·hₜ</c>, <c>ω = σ²(1 − α − β)</c>, <c>h₀ = σ²</c>
/// (Bollerslev 1986), so the unconditional variance is <c>σ²</c>; <c>zₜ</c> is Student-t with ν degrees of
/// freedom scaled to unit variance (Bollerslev 1987), giving fat tails and volatility clustering.
/// </remarks>
internal static class GarchPath
{
    public static void Fill(SeededSampler sampler, double dailyVolatility, double alpha, double beta, int dof, Span<double> destination)
    {
        double unconditional = dailyVolatility * dailyVolatility;
        double omega = unconditional * (1.0 - alpha - beta);
        double h = unconditional;
        for (int t = 0; t < destination.Length; t++)
        {
            double e = Math.Sqrt(h) * sampler.StudentTUnitVariance(dof);
            destination[t] = e;
            h = omega + (alpha * e * e) + (beta * h);
        }
    }
}
