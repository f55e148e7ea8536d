using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Selection;

/// <summary>Options of <see cref="MomentumSelector"/>.</summary>
public sealed record MomentumOptions
{
    /// <summary>The number of panel rows in the momentum window; 60 by default.</summary>
    public int Lookback { get; init; } = 60;

    /// <summary>The most recent rows skipped before the window (short-term reversal); 0 by default.</summary>
    public int Skip { get; init; }

    /// <summary>How many top-ranked assets form the LONG sleeve; 10 by default.</summary>
    public int TopN { get; init; } = 10;

    /// <summary>How many bottom-ranked assets form the SHORT sleeve; 10 by default.</summary>
    public int BottomN { get; init; } = 10;

    /// <summary>
    /// The minimum share of observed (non-NaN) returns in the window for an asset to be ranked;
    /// 0.6 by default, so an equity column on a panel spanning a 24×7 calendar (5 of 7 days) stays eligible.
    /// </summary>
    public double MinObservedFraction { get; init; } = 0.6;

    /// <summary>Checks the options.</summary>
    /// <exception cref="DomainValidationException">Naming the option.</exception>
    public void Validate()
    {
        if (Lookback < 1 || Skip < 0 || TopN < 0 || BottomN < 0 || TopN + BottomN == 0 || !(MinObservedFraction is > 0 and <= 1))
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidInput,
                $"Momentum options: need Lookback ≥ 1 (got {Lookback}), Skip ≥ 0 (got {Skip}), TopN, BottomN ≥ 0 with TopN + BottomN > 0 (got {TopN}, {BottomN}), 0 < MinObservedFraction ≤ 1 (got {MinObservedFraction}).");
        }
    }
}
