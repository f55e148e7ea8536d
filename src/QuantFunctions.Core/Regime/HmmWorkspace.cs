namespace QuantFunctions.Core.Regime;

/// <summary>
/// Buffers of one scaled forward-backward pass (Rabiner 1989, §V.A), reused across Baum-Welch iterations so an
/// iteration allocates nothing. Emission densities are kept as bₜ(k) = exp(log bₜ(k) − mₜ) with mₜ = maxₖ log bₜ(k),
/// so no density underflows; the log-likelihood adds the mₜ back.
/// </summary>
internal sealed class HmmWorkspace
{
    public HmmWorkspace(int length, int states)
    {
        Length = length;
        States = states;
        Emission = new double[length * states];
        EmissionShift = new double[length];
        Alpha = new double[length * states];
        Beta = new double[length * states];
        Scale = new double[length];
        XiSum = new double[states * states];
        StateNorm = new double[states];
        StateInverseVariance = new double[states];
    }

    public int Length { get; }

    public int States { get; }

    /// <summary>bₜ(k) / exp(mₜ), T×K row-major.</summary>
    public double[] Emission { get; }

    /// <summary>mₜ.</summary>
    public double[] EmissionShift { get; }

    /// <summary>Scaled forward variables α̂ₜ(k) (each row sums to 1).</summary>
    public double[] Alpha { get; }

    /// <summary>Scaled backward variables β̂ₜ(k); after <see cref="GaussianHmm"/>'s E-step they hold the posteriors γₜ(k).</summary>
    public double[] Beta { get; }

    /// <summary>cₜ = Σₖ of the unscaled forward row.</summary>
    public double[] Scale { get; }

    /// <summary>Σₜ ξₜ(i, j), K×K.</summary>
    public double[] XiSum { get; }

    /// <summary>Per-state constant −½ Σ_d ln(2πσ²) (scratch).</summary>
    public double[] StateNorm { get; }

    /// <summary>Scratch of length K.</summary>
    public double[] StateInverseVariance { get; }
}
