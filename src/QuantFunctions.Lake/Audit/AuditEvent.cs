using System.Text.Json.Nodes;

namespace QuantFunctions.Lake.Audit;

/// <summary>One decision to record in a run's audit ledger (run start, gate outcome, selection, weights, orders…).</summary>
/// <param name="Kind">A stable, dotted event kind, e.g. <c>run.started</c>, <c>gate.completeness</c>, <c>alpha.weights</c>.</param>
/// <param name="Node">The node key the decision belongs to (e.g. <c>alpha.allocate[crypto_long]</c>), or null for run-level events.</param>
/// <param name="TraceId">The W3C trace id of the span that made the decision (32 hex characters).</param>
/// <param name="Data">The decision's content; serialised canonically (sorted keys) for hashing.</param>
/// <param name="IdempotencyKey">
/// Optional key making the append at-most-once: appending an event whose key is already in the ledger returns
/// the recorded entry instead of adding a line (for at-least-once queue delivery). Null: always appended.
/// </param>
public sealed record AuditEvent(string Kind, string? Node, string TraceId, JsonObject Data, string? IdempotencyKey = null);
