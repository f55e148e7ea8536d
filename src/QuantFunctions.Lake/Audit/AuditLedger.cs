using System.Text;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Audit;

/// <summary>
/// The hash-chained <c>audit.jsonl</c> of a run, kept as one append-only object in an <see cref="ILakeStore"/>.
/// </summary>
/// <remarks>
/// <para>Cost: the first use reads and verifies the chain once; each append then writes one line with a conditional
/// append (<see cref="ILakeStore.AppendAsync"/> at the length and ETag this ledger has verified: an append blob on Blob
/// Storage, an append to the file locally), O(entry) rather than O(ledger). When another writer appended first, the
/// append is refused, only the new tail is read and verified, and the entry is chained after it; when the object was
/// replaced rather than appended to (same length, new ETag), it is read and verified whole again.</para>
/// <para>Appends are serialised in-process by a semaphore and across processes by that condition, so concurrent
/// writers never fork or lose entries. An event with an <see cref="AuditEvent.IdempotencyKey"/> already in the ledger
/// is not appended again; the recorded entry is returned (at-least-once delivery becomes exactly-once in the ledger).
/// An append whose answer was lost is recognised by the store (its own bytes at the position), so it is recorded once
/// even without a key.</para>
/// </remarks>
public sealed class AuditLedger : IAuditLedger, IDisposable
{
    private const int MaxAttempts = 64;

    private readonly ILakeStore _store;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<AuditEntry> _entries = [];
    private readonly Dictionary<string, AuditEntry> _byKey = new(StringComparer.Ordinal);
    private bool _loaded;
    private long _length;
    private string? _etag;

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

    private AuditLedgerHead Head => new(_entries.Count, _entries.Count == 0 ? AuditLine.GenesisHash : _entries[^1].Hash);

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
            if (!_loaded)
            {
                await SyncAsync(strict: false, cancellationToken).ConfigureAwait(false);
            }

            for (int attempt = 1; ; attempt++)
            {
                if (auditEvent.IdempotencyKey is { } key && _byKey.TryGetValue(key, out AuditEntry? recorded))
                {
                    return recorded.Kind == auditEvent.Kind && recorded.Node == auditEvent.Node
                        ? recorded
                        : throw new InvalidOperationException(
                            $"Idempotency key '{key}' is already recorded in '{Path}' as seq {recorded.Sequence} ({recorded.Kind}, node {recorded.Node ?? "-"}), not for {auditEvent.Kind} (node {auditEvent.Node ?? "-"}).");
                }

                AuditEntry entry = AuditLine.Create(_entries.Count, auditEvent, Head.LastHash);
                byte[] line = Encoding.UTF8.GetBytes(AuditLine.Serialize(entry) + "\n");
                try
                {
                    LakeObjectInfo info = await _store.AppendAsync(Path, line, _length, _etag, cancellationToken).ConfigureAwait(false);
                    _length += line.Length;
                    _etag = info.ETag;
                    Add(entry);
                    return entry;
                }
                catch (LakeConflictException) when (attempt < MaxAttempts)
                {
                    // Another writer appended first: read what it added and chain after its entry.
                    await Task.Delay(Math.Min(attempt - 1, 20), cancellationToken).ConfigureAwait(false);
                    await SyncAsync(strict: false, cancellationToken).ConfigureAwait(false);
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
            await SyncAsync(strict: true, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Reads and verifies what was appended after the verified length (the whole ledger on first use). Not strict: a last
    /// line still being written (no final newline yet) is left for later; strict: it is a corrupt ledger.
    /// </summary>
    private async Task SyncAsync(bool strict, CancellationToken cancellationToken)
    {
        LakeObject? tail = await _store.TryReadFromAsync(Path, _length, cancellationToken).ConfigureAwait(false);
        _loaded = true;
        long size = tail?.Info.Size ?? 0;
        if (size < _length)
        {
            throw new AuditLedgerCorruptException(
                $"Audit ledger '{Path}' is corrupt: it shrank from {_length} to {size} bytes after entry seq {_entries.Count - 1} was verified (entries were cut or the ledger was replaced).");
        }

        if (tail is null)
        {
            return;
        }

        if (tail.Content.IsEmpty && _etag is not null && !string.Equals(tail.Info.ETag, _etag, StringComparison.Ordinal))
        {
            // Same length, new version: replaced rather than appended to. Verify it whole again.
            await ReverifyAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        ReadOnlySpan<byte> bytes = tail.Content.Span;
        int complete = strict ? bytes.Length : bytes.LastIndexOf((byte)'\n') + 1;
        if (complete > 0)
        {
            var added = new List<AuditEntry>();
            AuditVerificationResult result = AuditLedgerVerifier.Scan(Encoding.UTF8.GetString(bytes[..complete]), added, expectedHead: null, from: Head);
            if (!result.IsValid)
            {
                throw new AuditLedgerCorruptException(Path, result);
            }

            added.ForEach(Add);
            _length += complete;
        }

        _etag = complete == bytes.Length ? tail.Info.ETag : null;
    }

    /// <summary>Reads and verifies the whole ledger again; it must still begin with every entry verified before.</summary>
    private async Task ReverifyAsync(CancellationToken cancellationToken)
    {
        AuditLedgerHead before = Head;
        _entries.Clear();
        _byKey.Clear();
        (_length, _etag) = (0, null);
        await SyncAsync(strict: true, cancellationToken).ConfigureAwait(false);
        if (_entries.Count < before.Count || (before.Count > 0 && !string.Equals(_entries[(int)before.Count - 1].Hash, before.LastHash, StringComparison.Ordinal)))
        {
            throw new AuditLedgerCorruptException(
                $"Audit ledger '{Path}' is corrupt: it was replaced and no longer holds the {before.Count} entries ending in {before.LastHash} verified before.");
        }
    }

    private void Add(AuditEntry entry)
    {
        _entries.Add(entry);
        if (entry.IdempotencyKey is not null)
        {
            _byKey.TryAdd(entry.IdempotencyKey, entry);
        }
    }
}
