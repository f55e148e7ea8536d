namespace QuantFunctions.Core.Allocation;

/// <summary>Market-neutrality constraint |wᵀβ| ≤ tolerance.</summary>
/// <param name="Betas">βᵢ per asset (asset order of the problem).</param>
/// <param name="Tolerance">The bound on |wᵀβ|; default 0.15.</param>
public sealed record BetaNeutrality(IReadOnlyList<double> Betas, double Tolerance = BetaNeutrality.DefaultTolerance)
{
    /// <summary>The default tolerance 0.15.</summary>
    public const double DefaultTolerance = 0.15;

    /// <summary>The relaxation schedule tried when a solve fails: 0.05 → 0.15 → 0.25 (values above the configured tolerance are used).</summary>
    public static IReadOnlyList<double> RelaxationSchedule { get; } = [0.05, 0.15, 0.25];
}
