namespace QuantFunctions.Core.Calendars;

/// <summary>A run of calendar sessions with no observation between two observed sessions.</summary>
/// <param name="LastObserved">The observed session before the hole.</param>
/// <param name="NextObserved">The observed session after the hole.</param>
/// <param name="MissingSessions">How many calendar sessions lie strictly between them (≥ 1).</param>
/// <param name="Tolerated">True when market-day normalisation tolerates the hole (≤ the tolerance).</param>
public sealed record SessionGap(DateOnly LastObserved, DateOnly NextObserved, int MissingSessions, bool Tolerated);
