using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Regime;

/// <summary>How <see cref="RegimeDetector"/> fits its model.</summary>
public sealed record RegimeOptions
{
    /// <summary>Trailing window W of the spectral and entropy features (even).</summary>
    /// <value>32.</value>
    public int Window { get; init; } = 32;

    /// <summary>The Baum-Welch options (states 2 or 3, restarts, seed, …).</summary>
    public HmmFitOptions Fit { get; init; } = new();

    /// <summary>Checks every field.</summary>
    /// <exception cref="DomainValidationException">A field is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Fit);
        Fit.Validate();
        if (Fit.States is < 2 or > 3)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, $"Regime: states must be 2 or 3 (got {Fit.States}).");
        }

        if (Window < 8 || Window > 512 || Window % 2 != 0)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, $"Regime: window must be even and in 8..512 (got {Window}).");
        }
    }
}
