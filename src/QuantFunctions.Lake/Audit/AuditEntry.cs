using System.Text.Json.Nodes;

namespace QuantFunctions.Lake.Audit;

/// <summary>A recorded, hash-chained ledger line.</summary>
/// <param name="Sequence">0-based position in the ledger.</param>
/// <param name="Kind">The event kind.</param>
/// <param name="Node">The node key, or null.</param>
/// <param name="TraceId">W3C trace id.</param>
/// <param name="Data">The event content.</param>
/// <param name="PrevHash">Hash of the previous entry (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 (hex) over the canonical JSON of this entry without its <c>hash</c> field.</param>
/// <param name="IdempotencyKey">The event's idempotency key, or null (then absent from the line and the hash).</param>
public sealed record AuditEntry(long Sequence, string Kind, string? Node, string TraceId, JsonObject Data, string PrevHash, string Hash, string? IdempotencyKey = null);
