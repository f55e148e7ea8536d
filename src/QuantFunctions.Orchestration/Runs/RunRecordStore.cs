using System.Runtime.CompilerServices;
using System.Text.Json;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>
/// Reads and writes <c>run.json</c> and <c>stage.json</c> (JSON per <see cref="LakeJson.Options"/>) at the
/// paths <see cref="LakePathResolver"/> gives, validating hashes, fingerprints and that the record belongs
/// where it is stored.
/// </summary>
public sealed class RunRecordStore
{
    private readonly ILakeStore _store;

    /// <summary>Reads and writes records in <paramref name="store"/>.</summary>
    public RunRecordStore(ILakeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Writes <c>run.json</c> (atomically); with <paramref name="expectedETag"/>, only if unchanged since read.</summary>
    /// <exception cref="ArgumentException">A hash is malformed or an input fingerprint is inconsistent.</exception>
    /// <exception cref="LakeConflictException">The record changed since <paramref name="expectedETag"/>.</exception>
    public Task<LakeObjectInfo> WriteRunAsync(RunRecord record, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        Validate(record);
        return WriteAsync(LakePathResolver.RunRecord(record.Scope, record.RunId), record, expectedETag, cancellationToken);
    }

    /// <summary>Reads <c>run.json</c>; null when the run has none.</summary>
    /// <exception cref="RunRecordFormatException">The file does not parse, fails validation or belongs to another run.</exception>
    public async Task<Versioned<RunRecord>?> ReadRunAsync(LakeIdentifier scope, RunId runId, CancellationToken cancellationToken = default)
    {
        LakePath path = LakePathResolver.RunRecord(scope, runId);
        Versioned<RunRecord>? read = await ReadAsync<RunRecord>(path, cancellationToken).ConfigureAwait(false);
        if (read is not null)
        {
            Check(path, () => Validate(read.Value));
            EnsureOwner(path, read.Value.Scope, read.Value.RunId, scope, runId);
        }

        return read;
    }

    /// <summary>Writes a node's <c>stage.json</c> (atomically); with <paramref name="expectedETag"/>, only if unchanged.</summary>
    /// <exception cref="ArgumentException">A hash is malformed or an input fingerprint is inconsistent.</exception>
    /// <exception cref="LakeConflictException">The record changed since <paramref name="expectedETag"/>.</exception>
    public Task<LakeObjectInfo> WriteStageAsync(StageRecord record, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        Validate(record);
        return WriteAsync(LakePathResolver.StageRecord(record.Scope, record.RunId, record.Node), record, expectedETag, cancellationToken);
    }

    /// <summary>Reads a node's <c>stage.json</c>; null when absent.</summary>
    /// <exception cref="RunRecordFormatException">The file does not parse, fails validation or belongs elsewhere.</exception>
    public async Task<Versioned<StageRecord>?> ReadStageAsync(LakeIdentifier scope, RunId runId, NodeKey node, CancellationToken cancellationToken = default)
    {
        LakePath path = LakePathResolver.StageRecord(scope, runId, node);
        Versioned<StageRecord>? read = await ReadAsync<StageRecord>(path, cancellationToken).ConfigureAwait(false);
        if (read is not null)
        {
            Check(path, () => Validate(read.Value));
            EnsureOwner(path, read.Value.Scope, read.Value.RunId, scope, runId);
            if (read.Value.Node != node)
            {
                throw new RunRecordFormatException($"'{path}' records node {read.Value.Node}, not {node}.", path);
            }
        }

        return read;
    }

    /// <summary>Reads every <c>stage.json</c> of a run, ordered by path.</summary>
    /// <exception cref="RunRecordFormatException">A file does not parse or fails validation.</exception>
    public async IAsyncEnumerable<StageRecord> ReadStagesAsync(LakeIdentifier scope, RunId runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach ((_, NodeKey node) in ListStagesAsync(scope, runId, cancellationToken).ConfigureAwait(false))
        {
            Versioned<StageRecord>? read = await ReadStageAsync(scope, runId, node, cancellationToken).ConfigureAwait(false);
            if (read is not null)
            {
                yield return read.Value;
            }
        }
    }

    /// <summary>Lists the run's <c>stage.json</c> objects (path, size, ETag) with their node keys, without reading them.</summary>
    /// <exception cref="RunRecordFormatException">An object in the stages folder is not a stage record.</exception>
    public async IAsyncEnumerable<(LakeObjectInfo Info, NodeKey Node)> ListStagesAsync(LakeIdentifier scope, RunId runId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LakePath folder = LakePathResolver.StagesFolder(scope, runId);
        await foreach (LakeObjectInfo info in _store.ListAsync(folder, cancellationToken).ConfigureAwait(false))
        {
            LakeLocation? location = LakePathResolver.TryParse(info.Path);
            if (location is not { Kind: LakeObjectKind.StageRecord })
            {
                throw new RunRecordFormatException($"Unexpected object '{info.Path}' among the stage records of run {runId}.", info.Path);
            }

            yield return (info, location.Node!.Value);
        }
    }

    /// <summary>The exact bytes written for a record (indented JSON and a final newline).</summary>
    public static byte[] Serialize<T>(T record)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(record, LakeJson.Options);
        return [.. json, (byte)'\n'];
    }

    /// <summary>Parses a record; errors name <paramref name="path"/>.</summary>
    /// <exception cref="RunRecordFormatException">The JSON is malformed, misses a required field or has an unknown one.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> json, LakePath path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, LakeJson.Options)
                ?? throw new RunRecordFormatException($"'{path}' holds JSON null, not a {typeof(T).Name}.", path);
        }
        catch (JsonException e)
        {
            throw new RunRecordFormatException($"'{path}' is not a valid {typeof(T).Name}: {e.Message}", path, e);
        }
    }

    private async Task<LakeObjectInfo> WriteAsync<T>(LakePath path, T record, string? expectedETag, CancellationToken cancellationToken)
    {
        byte[] bytes = Serialize(record);
        return expectedETag is null
            ? await _store.WriteAsync(path, bytes, LakeWriteMode.Overwrite, cancellationToken).ConfigureAwait(false)
            : await _store.WriteIfMatchAsync(path, bytes, expectedETag, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Versioned<T>?> ReadAsync<T>(LakePath path, CancellationToken cancellationToken)
    {
        LakeObject? stored = await _store.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : new Versioned<T>(Deserialize<T>(stored.Content.Span, path), stored.Info.ETag);
    }

    private static void Validate(RunRecord r)
    {
        EnsureFormat(r.FormatVersion);
        DatasetFingerprint.EnsureSha256(r.ParamsHash, "params_hash");
        DatasetFingerprint.EnsureSha256(r.ManifestHash, "manifest_hash");
        if (r.GitSha is not null && !IsGitSha(r.GitSha))
        {
            throw new ArgumentException($"Invalid git_sha '{r.GitSha}': 7-64 lowercase hex characters.", nameof(r));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(r.Attempt, 1, "attempt");
        EnsureInputs(r.Inputs);
        foreach (NodeState node in r.Nodes)
        {
            if (node.InputFingerprint is not null)
            {
                DatasetFingerprint.EnsureSha256(node.InputFingerprint, $"input_fingerprint of node {node.Node}");
            }

            ArgumentOutOfRangeException.ThrowIfNegative(node.Attempts);
        }
    }

    private static void Validate(StageRecord s)
    {
        EnsureFormat(s.FormatVersion);
        if (s.ParamsHash is not null)
        {
            DatasetFingerprint.EnsureSha256(s.ParamsHash, "params_hash");
        }

        if (s.InputFingerprint is not null)
        {
            DatasetFingerprint.EnsureSha256(s.InputFingerprint, "input_fingerprint");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(s.Attempts);
        EnsureInputs(s.Inputs);
    }

    private static void EnsureInputs(IReadOnlyList<InputFingerprint> inputs)
    {
        foreach (InputFingerprint input in inputs)
        {
            if (!input.Fingerprint.IsConsistent())
            {
                throw new ArgumentException($"Input '{input.Name}': fingerprint hash {input.Fingerprint.Hash} does not match its manifest, schema, partitions and files.", nameof(inputs));
            }
        }
    }

    private static void EnsureFormat(int version)
    {
        if (version != RunRecord.CurrentFormatVersion)
        {
            throw new ArgumentException($"Unsupported format_version {version}; this library reads and writes {RunRecord.CurrentFormatVersion}.", nameof(version));
        }
    }

    private static bool IsGitSha(string value)
    {
        bool ok = value.Length is >= 7 and <= 64;
        foreach (char c in value)
        {
            ok &= c is (>= '0' and <= '9') or (>= 'a' and <= 'f');
        }

        return ok;
    }

    private static void Check(LakePath path, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            throw new RunRecordFormatException($"'{path}' fails validation: {e.Message}", path, e);
        }
    }

    private static void EnsureOwner(LakePath path, LakeIdentifier scope, RunId runId, LakeIdentifier expectedScope, RunId expectedRunId)
    {
        if (scope != expectedScope || runId != expectedRunId)
        {
            throw new RunRecordFormatException($"'{path}' records scope {scope} and run {runId}, not {expectedScope}/{expectedRunId}.", path);
        }
    }
}
