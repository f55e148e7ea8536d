namespace QuantFunctions.Core.Trading;

/// <summary>Why a symbol's delta between target and current holdings produced no order.</summary>
public enum OrderSkipReason
{
    /// <summary>Not skipped: an order was sent.</summary>
    None,

    /// <summary>The delta rounds to zero lots (the holding already matches the target within half a lot).</summary>
    ZeroLots,

    /// <summary>The delta's notional is below the <c>partial_rebalance</c> threshold (a fraction of capital).</summary>
    BelowPartialRebalance,

    /// <summary>The delta's notional is below the venue's minimum notional.</summary>
    BelowMinNotional,
}
