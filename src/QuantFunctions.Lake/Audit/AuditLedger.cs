using System.Text;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Audit;

/// <summary>
/// The hash-chained <c>audit.jsonl</c> of a run, kept as one object in an <see cref="ILakeStore"/>.
/// </summary>
/// <remarks>
/// <para>Appends are serialised in-process by a semaphore and across processes by optimistic concurrency:
/// each append reads the ledger (reusing its cached copy while the ETag is unchanged), adds one line and writes
/// with If-Match on the ETag it read (create-only for the first entry), retrying on conflict; concurrent writers
/// therefore never fork or lose entries.</para>
/// <para>Each append rewrites the whole object (object stores have no atomic append), so a ledger of n
/// entries costs O(n²) bytes written in total — fine for the hundreds of decisions of a run.</para>
/// <para>An event with an <see cref="AuditEvent.IdempotencyKey"/> already in the ledger is not appended again;
/// the recorded entry is returned (at-least-once delivery becomes exactly-once in the ledger).</para>
/// </remarks>
public sealed class AuditLedger : IAuditLedger, IDisposable
{
    private const int MaxAttempts = 64;

    private readonly ILakeStore _store;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _etag;
    private byte[] _content = [];
    private List<AuditEntry> _entries = [];
    private Dictionary<string, AuditEntry> _byKey = new(StringComparer.Ordinal);

    /// <summary>Opens the ledger object at <paramref name="path"/> (created on the first append).</summary>
    public AuditLedger(ILakeStore store, LakePath path)
    {
        ArgumentNullException.ThrowIfNull(store);
        LakeStoreGuards.EnsureObjectPath(path);
        _store = store;
        Path = path;
    }

    /// <summary>The ledger object's path.</summary>
    public LakePath Path { get; }

    /// <summary>Opens the ledger of run <paramref name="runId"/> in <paramref name="scope"/>: <c>_meta/{scope}/runs/{run_id}/audit.jsonl</c>.</summary>
    public static AuditLedger ForRun(ILakeStore store, LakeIdentifier scope, RunId runId) =>
        new(store, LakePathResolver.AuditLedger(scope, runId));

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">Invalid kind, node key, trace id or data (e.g. NaN).</exception>
    /// <exception cref="AuditLedgerCorruptException">The stored ledger does not verify; nothing is appended.</exception>
    /// <exception cref="LakeConflictException">Other writers kept winning for <c>64</c> attempts.</exception>
    /// <exception cref="InvalidOperationException">The idempotency key is already recorded for a different kind or node.</exception>
    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
                if (auditEvent.IdempotencyKey is { } key && _byKey.TryGetValue(key, out AuditEntry? recorded))
                {
                    return recorded.Kind == auditEvent.Kind && recorded.Node == auditEvent.Node
                        ? recorded
                        : throw new InvalidOperationException(
                            $"Idempotency key '{key}' is already recorded in '{Path}' as seq {recorded.Sequence} ({recorded.Kind}, node {recorded.Node ?? "-"}), not for {auditEvent.Kind} (node {auditEvent.Node ?? "-"}).");
                }

                string prev = _entries.Count == 0 ? AuditLine.GenesisHash : _entries[^1].Hash;
                AuditEntry entry = AuditLine.Create(_entries.Count, auditEvent, prev);
                byte[] line = Encoding.UTF8.GetBytes(AuditLine.Serialize(entry) + "\n");
                byte[] content = [.. _content, .. line];
                try
                {
                    LakeObjectInfo info = _etag is null
                        ? await _store.WriteAsync(Path, content, LakeWriteMode.CreateOnly, cancellationToken).ConfigureAwait(false)
                        : await _store.WriteIfMatchAsync(Path, content, _etag, cancellationToken).ConfigureAwait(false);
                    _etag = info.ETag;
                    _content = content;
                    _entries.Add(entry);
                    if (entry.IdempotencyKey is not null)
                    {
                        _byKey[entry.IdempotencyKey] = entry;
                    }

                    return entry;
                }
                catch (LakeConflictException) when (attempt < MaxAttempts)
                {
                    // Another writer appended first: reload and chain after its entry.
                    _etag = null;
                    await Task.Delay(Math.Min(attempt, 20), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <exception cref="AuditLedgerCorruptException">The stored ledger does not verify.</exception>
    public async Task<IReadOnlyList<AuditEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            return [.. _entries];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The current head (entry count and last hash), e.g. to record in run.json.</summary>
    /// <exception cref="AuditLedgerCorruptException">The stored ledger does not verify.</exception>
    public async Task<AuditLedgerHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AuditEntry> entries = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return new AuditLedgerHead(entries.Count, entries.Count == 0 ? AuditLine.GenesisHash : entries[^1].Hash);
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        LakeObjectInfo? info = await _store.GetInfoAsync(Path, cancellationToken).ConfigureAwait(false);
        if (info is not null && string.Equals(info.ETag, _etag, StringComparison.Ordinal))
        {
            return;
        }

        LakeObject? stored = info is null ? null : await _store.TryReadAsync(Path, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            (_etag, _content, _entries, _byKey) = (null, [], [], new Dictionary<string, AuditEntry>(StringComparer.Ordinal));
            return;
        }

        var entries = new List<AuditEntry>();
        AuditVerificationResult result = AuditLedgerVerifier.Scan(Encoding.UTF8.GetString(stored.Content.Span), entries, expectedHead: null);
        if (!result.IsValid)
        {
            throw new AuditLedgerCorruptException(Path, result);
        }

        var byKey = new Dictionary<string, AuditEntry>(StringComparer.Ordinal);
        foreach (AuditEntry e in entries)
        {
            if (e.IdempotencyKey is not null)
            {
                byKey.TryAdd(e.IdempotencyKey, e);
            }
        }

        (_etag, _content, _entries, _byKey) = (stored.Info.ETag, stored.Content.ToArray(), entries, byKey);
    }
}
