using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Execution;

/// <summary>Options of <see cref="FillModel"/>.</summary>
public sealed record FillModelOptions
{
    /// <summary>Slippage and commission; <see cref="Friction.Tradfi"/> (5 bp + 1 bp) by default.</summary>
    public Friction Friction { get; init; } = Friction.Tradfi;

    /// <summary>The lot: quantities are rounded down to a multiple of it; 1 (whole shares) by default, 0 = fractional units.</summary>
    public double LotSize { get; init; } = 1;

    /// <summary>The smallest notional (quantity × reference price) accepted; 0 by default.</summary>
    public double MinimumNotional { get; init; }

    /// <summary>Whether a sell may exceed the held position (open or extend a short); false by default.</summary>
    public bool AllowShort { get; init; }

    /// <summary>The defaults of an asset type: tradfi 5 + 1 bp with whole shares; crypto 10 + 4 bp with fractional units.</summary>
    /// <param name="type">The asset type.</param>
    /// <returns>The options.</returns>
    public static FillModelOptions For(AssetType type) =>
        type == AssetType.Crypto ? new FillModelOptions { Friction = Friction.Crypto, LotSize = 0 } : new FillModelOptions();

    /// <summary>Checks the options.</summary>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.InvalidFriction"/>.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Friction);
        Friction.Validate();
        if (!(LotSize >= 0) || double.IsInfinity(LotSize) || !(MinimumNotional >= 0) || double.IsInfinity(MinimumNotional))
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidFriction, $"Fill model: the lot size and minimum notional must be finite and ≥ 0 (got {LotSize}, {MinimumNotional}).");
        }
    }
}
