namespace QuantFunctions.Core.DataQuality;

/// <summary>Why a rule fired for a symbol.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Severity">The status the rule imposes (<see cref="HealthStatus.Degraded"/> or <see cref="HealthStatus.Dropped"/>).</param>
/// <param name="Detail">Human-readable detail with the numbers involved.</param>
/// <param name="Timestamp">The bar or session concerned, when there is one.</param>
public sealed record HealthReason(HealthRule Rule, HealthStatus Severity, string Detail, DateTimeOffset? Timestamp);
