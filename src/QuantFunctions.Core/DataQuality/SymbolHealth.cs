namespace QuantFunctions.Core.DataQuality;

/// <summary>A symbol's audit result: the worst severity over its reasons.</summary>
/// <param name="Symbol">Canonical symbol.</param>
/// <param name="Status">HEALTHY, DEGRADED or DROPPED.</param>
/// <param name="Reasons">Every reason, in rule-evaluation order.</param>
public sealed record SymbolHealth(string Symbol, HealthStatus Status, IReadOnlyList<HealthReason> Reasons);
