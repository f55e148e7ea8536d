using QuantFunctions.Lake.Audit;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// Gives every event a node execution appends an idempotency key <c>{prefix}/{kind}/{node}/{n}</c> (n counts events of
/// that kind and node within the execution), so a re-delivered message re-running a deterministic node appends nothing twice.
/// </summary>
internal sealed class IdempotentAuditLedger(IAuditLedger inner, string prefix) : IAuditLedger
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc/>
    public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        string kindNode = auditEvent.Kind + "/" + auditEvent.Node;
        int n;
        lock (_gate)
        {
            n = _counts.TryGetValue(kindNode, out int c) ? c : 0;
            _counts[kindNode] = n + 1;
        }

        return inner.AppendAsync(auditEvent with { IdempotencyKey = auditEvent.IdempotencyKey ?? $"{prefix}/{kindNode}/{n}" }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditEntry>> ReadAllAsync(CancellationToken cancellationToken = default) => inner.ReadAllAsync(cancellationToken);
}
