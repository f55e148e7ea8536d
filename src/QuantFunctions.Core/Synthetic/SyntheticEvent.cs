namespace QuantFunctions.Core.Synthetic;

/// <summary>One injected event, so health rules and tests know what to expect.</summary>
/// <param name="Subject">The symbol, or the exchange for a market-wide event.</param>
/// <param name="Kind">The event kind.</param>
/// <param name="Date">The first date concerned.</param>
/// <param name="Sessions">How many sessions it spans (missing sessions of a gap, crisis length, ...).</param>
public sealed record SyntheticEvent(string Subject, SyntheticEventKind Kind, DateOnly Date, int Sessions);
