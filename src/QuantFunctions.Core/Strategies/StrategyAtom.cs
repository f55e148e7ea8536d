using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>
/// The smallest unit of a strategy: an asset, the logic that chose it and a direction.
/// Its <see cref="Id"/> (<c>logic/EXCHANGE:SYMBOL/LONG</c>) names its return stream.
/// </summary>
public sealed record StrategyAtom
{
    /// <summary>Creates an atom.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="logic">The selection logic, lowercase <c>[a-z0-9_]</c> (e.g. <c>momentum</c>).</param>
    /// <param name="direction">LONG or SHORT.</param>
    /// <exception cref="DomainValidationException">When the logic name is invalid or the asset is default.</exception>
    public StrategyAtom(Symbol asset, string logic, Direction direction)
    {
        ArgumentNullException.ThrowIfNull(logic);
        bool valid = asset.Value is not null && logic.Length > 0 && direction is Direction.Long or Direction.Short;
        foreach (char c in logic)
        {
            valid &= char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_';
        }

        if (!valid)
        {
            throw new DomainValidationException(ErrorCodes.InvalidInput, $"Strategy atom ({asset}, '{logic}', {direction}): the logic must be lowercase [a-z0-9_] and the asset and direction set.");
        }

        Asset = asset;
        Logic = logic;
        Direction = direction;
        Id = $"{logic}/{asset.Value}/{(direction == Direction.Long ? "LONG" : "SHORT")}";
    }

    /// <summary>The asset.</summary>
    public Symbol Asset { get; }

    /// <summary>The selection logic.</summary>
    public string Logic { get; }

    /// <summary>LONG or SHORT.</summary>
    public Direction Direction { get; }

    /// <summary>The stream id <c>logic/EXCHANGE:SYMBOL/LONG|SHORT</c>.</summary>
    public string Id { get; }
}
