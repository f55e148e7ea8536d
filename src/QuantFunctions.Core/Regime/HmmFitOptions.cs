using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Regime;

/// <summary>How <see cref="GaussianHmm.Fit"/> runs Baum-Welch.</summary>
public sealed record HmmFitOptions
{
    /// <summary>Hidden states K.</summary>
    /// <value>3.</value>
    public int States { get; init; } = 3;

    /// <summary>Independent restarts from seeded initialisations; the best final log-likelihood is kept.</summary>
    /// <value>10.</value>
    public int Restarts { get; init; } = 10;

    /// <summary>Baum-Welch iterations per restart at most.</summary>
    /// <value>100.</value>
    public int MaxIterations { get; init; } = 100;

    /// <summary>A restart has converged when an iteration gains less than this much log-likelihood per observation.</summary>
    /// <value>1e-6.</value>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>Each variance is at least this fraction of its dimension's overall variance (keeps a state from collapsing on one point).</summary>
    /// <value>1e-3.</value>
    public double VarianceFloor { get; init; } = 1e-3;

    /// <summary>Seed of the initialisations (restart r draws from <c>new Random(Seed + r)</c>).</summary>
    /// <value>42.</value>
    public int Seed { get; init; } = 42;

    /// <summary>Checks every field.</summary>
    /// <exception cref="DomainValidationException">A field is out of range.</exception>
    public void Validate()
    {
        Require(States is >= 1 and <= 8, $"states must be in 1..8 (got {States})");
        Require(Restarts is >= 1 and <= 1000, $"restarts must be in 1..1000 (got {Restarts})");
        Require(MaxIterations is >= 1 and <= 100_000, $"max_iterations must be in 1..100000 (got {MaxIterations})");
        Require(Tolerance >= 0 && double.IsFinite(Tolerance), $"tolerance must be finite and non-negative (got {Tolerance})");
        Require(VarianceFloor > 0 && VarianceFloor < 1, $"variance_floor must lie in (0, 1) (got {VarianceFloor})");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, "HMM fit: " + message + ".");
        }
    }
}
