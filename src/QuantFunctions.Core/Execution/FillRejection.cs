namespace QuantFunctions.Core.Execution;

/// <summary>Why the fill model did not fill an order (<see cref="None"/> when it did).</summary>
public enum FillRejection
{
    /// <summary>Filled.</summary>
    None = 0,

    /// <summary>No reference price (NaN: the instrument did not trade on that bar).</summary>
    NoPrice = 1,

    /// <summary>The quantity rounds down to zero lots.</summary>
    BelowLot = 2,

    /// <summary>The notional is below <see cref="FillModelOptions.MinimumNotional"/>.</summary>
    BelowMinimumNotional = 3,

    /// <summary>A buy whose cost (notional at the fill price + commission) exceeds the available cash.</summary>
    InsufficientCash = 4,

    /// <summary>A sell larger than the held position while shorting is not allowed.</summary>
    InsufficientPosition = 5,
}
