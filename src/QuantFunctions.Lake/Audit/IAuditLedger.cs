namespace QuantFunctions.Lake.Audit;

/// <summary>
/// A run's append-only, hash-chained decision log (<c>_meta/{scope}/runs/{run_id}/audit.jsonl</c>).
/// Appends are serialised: concurrent callers never fork the chain.
/// </summary>
public interface IAuditLedger
{
    /// <summary>Appends an event, chaining it to the last entry, and returns the recorded entry.</summary>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);

    /// <summary>Reads every entry in order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAllAsync(CancellationToken cancellationToken = default);
}
