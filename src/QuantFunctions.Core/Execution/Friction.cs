using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Execution;

/// <summary>
/// Trading friction in basis points of traded notional: slippage (paid through the fill price) and commission
/// (paid in cash). Defaults per asset class (seed 001): tradfi 5 bp + 1 bp, crypto 10 bp + 4 bp.
/// </summary>
/// <param name="SlippageBps">Slippage, basis points of the reference price, ≥ 0.</param>
/// <param name="CommissionBps">Commission, basis points of the filled notional, ≥ 0.</param>
public sealed record Friction(double SlippageBps, double CommissionBps)
{
    /// <summary>Equities and ETFs: 5 bp slippage + 1 bp commission.</summary>
    public static Friction Tradfi { get; } = new(5, 1);

    /// <summary>Crypto: 10 bp slippage + 4 bp commission.</summary>
    public static Friction Crypto { get; } = new(10, 4);

    /// <summary>No friction (for frictionless comparisons).</summary>
    public static Friction None { get; } = new(0, 0);

    /// <summary>The slippage as a fraction: <c>SlippageBps / 10 000</c>.</summary>
    public double SlippageRate => SlippageBps / 10_000.0;

    /// <summary>The commission as a fraction: <c>CommissionBps / 10 000</c>.</summary>
    public double CommissionRate => CommissionBps / 10_000.0;

    /// <summary>The cost per unit of turnover: <c>(slippage + commission) / 10 000</c>.</summary>
    public double Rate => (SlippageBps + CommissionBps) / 10_000.0;

    /// <summary>The default friction of an asset type.</summary>
    /// <param name="type">The asset type.</param>
    /// <returns><see cref="Crypto"/> for crypto, else <see cref="Tradfi"/>.</returns>
    public static Friction For(AssetType type) => type == AssetType.Crypto ? Crypto : Tradfi;

    /// <summary>Checks both rates are finite and ≥ 0.</summary>
    /// <exception cref="DomainValidationException"><see cref="ErrorCodes.InvalidFriction"/>.</exception>
    public void Validate()
    {
        if (!(SlippageBps >= 0) || !(CommissionBps >= 0) || double.IsInfinity(SlippageBps) || double.IsInfinity(CommissionBps) || SlippageBps >= 10_000)
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidFriction, $"Friction: slippage and commission must be finite and ≥ 0 bp, slippage < 10 000 bp (got {SlippageBps} bp, {CommissionBps} bp).");
        }
    }
}
