using System.Text;
using System.Text.Json;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Telemetry;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// A run's records in the lake, for every runner and for status queries: <c>run.json</c> and
/// <c>stage.json</c> (through the lake's <see cref="RunRecordStore"/>), the manifest copy under
/// <c>_meta/pipelines</c>, the run settings (from the ledger's <c>run.started</c> event) and
/// <c>forensic_trace.json</c>.
/// </summary>
public sealed class RunStore
{
    private const int MaxConditionalAttempts = 32;

    private readonly ILakeStore _lake;

    /// <summary>Creates the store over the (unrestricted) lake.</summary>
    public RunStore(ILakeStore lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        Records = new RunRecordStore(lake);
    }

    /// <summary>The run and stage records.</summary>
    public RunRecordStore Records { get; }

    /// <summary>Reads <c>run.json</c>; null when the run does not exist.</summary>
    /// <exception cref="RunRecordFormatException">The record is malformed.</exception>
    public async Task<RunRecord?> TryLoadAsync(string scope, string runId, CancellationToken cancellationToken = default) =>
        (await Records.ReadRunAsync(LakeIdentifier.Parse(scope, "scope"), RunId.Parse(runId), cancellationToken).ConfigureAwait(false))?.Value;

    /// <summary>Reads <c>run.json</c>.</summary>
    /// <exception cref="RunStateException">The run does not exist (<see cref="ErrorCodes.RunNotFound"/>).</exception>
    /// <exception cref="RunRecordFormatException">The record is malformed.</exception>
    public async Task<RunRecord> LoadAsync(string scope, string runId, CancellationToken cancellationToken = default) =>
        await TryLoadAsync(scope, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new RunStateException(ErrorCodes.RunNotFound, $"No run '{runId}' in scope '{scope}'.");

    /// <summary>Finds a run by id in any scope (lists <c>_meta</c>); null when there is none.</summary>
    /// <exception cref="RunStateException">Two scopes have a run with this id (<see cref="ErrorCodes.RunAmbiguous"/>).</exception>
    public async Task<RunRecord?> FindAsync(string runId, CancellationToken cancellationToken = default)
    {
        RunId id = RunId.Parse(runId);
        var scopes = new List<string>();
        await foreach (LakeObjectInfo info in _lake.ListAsync(LakePathResolver.MetaRoot, cancellationToken).ConfigureAwait(false))
        {
            if (LakePathResolver.TryParse(info.Path) is { Kind: LakeObjectKind.RunRecord, Scope: LakeIdentifier scope } location && location.RunId == id)
            {
                scopes.Add(scope.Value);
            }
        }

        return scopes.Count switch
        {
            0 => null,
            1 => await TryLoadAsync(scopes[0], runId, cancellationToken).ConfigureAwait(false),
            _ => throw new RunStateException(ErrorCodes.RunAmbiguous, $"Run id '{runId}' exists in several scopes ({string.Join(", ", scopes)}); give the scope."),
        };
    }

    /// <summary>Reads every <c>stage.json</c> of a run, by node key.</summary>
    public async Task<Dictionary<string, StageRecord>> LoadStagesAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stages = new Dictionary<string, StageRecord>(StringComparer.Ordinal);
        await foreach (StageRecord stage in Records.ReadStagesAsync(run.Scope, run.RunId, cancellationToken).ConfigureAwait(false))
        {
            stages[stage.Node.Value] = stage;
        }

        return stages;
    }

    /// <summary>
    /// Copies the manifest to <c>_meta/pipelines/{scope}/{pipeline_id}/version={v}/manifest.json</c>. A
    /// version is immutable: when a different manifest is already stored there, nothing is written.
    /// </summary>
    /// <exception cref="LakeConflictException">Another manifest with the same scope, id and version is stored.</exception>
    public async Task<LakePath> SaveManifestAsync(PipelineManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        LakePath path = LakePathResolver.PipelineManifest(
            LakeIdentifier.Parse(manifest.Scope, "scope"), LakeIdentifier.Parse(manifest.Id, "pipeline id"), SemVer.Parse(manifest.Version));
        byte[] bytes = Encoding.UTF8.GetBytes(manifest.Json);
        LakeObject? existing = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            await _lake.WriteAsync(path, bytes, LakeWriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        else if (!existing.Content.Span.SequenceEqual(bytes))
        {
            throw new LakeConflictException(
                $"Manifest {manifest.Scope}/{manifest.Id} version {manifest.Version} differs from the copy stored at {path}; a version is immutable, bump it.", path);
        }

        return path;
    }

    /// <summary>Reads the manifest copy of a run, checking it still has the recorded hash.</summary>
    /// <exception cref="LakeObjectNotFoundException">The copy is missing.</exception>
    /// <exception cref="RunStateException">The copy's hash differs from the run's (<see cref="ErrorCodes.RunNotResumable"/>).</exception>
    public async Task<(string Json, LakePath Path)> LoadManifestAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        LakePath path = LakePathResolver.PipelineManifest(run.Scope, run.PipelineId, run.PipelineVersion);
        LakeObject obj = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false) ?? throw new LakeObjectNotFoundException(path);
        if (DatasetFingerprinter.HashManifest(obj.Content.Span) != run.ManifestHash)
        {
            throw new RunStateException(ErrorCodes.RunNotResumable, $"The manifest at {path} no longer has the hash recorded by run '{run.RunId}'.");
        }

        return (Encoding.UTF8.GetString(obj.Content.Span), path);
    }

    private static RunStatus Unfinished(ExecutionPlan plan, List<NodeState> nodes, bool failFast)
    {
        RunStatus status = Planner.Plan(plan, nodes.ToDictionary(n => n.Node.Value, n => n.Status, StringComparer.Ordinal), failFast).Status;
        return status.IsFinished() ? RunStatus.Running : status;
    }

    /// <summary>Reads the run's settings from the first <c>run.started</c> event of its ledger.</summary>
    /// <exception cref="RunStateException">The ledger has no <c>run.started</c> event (<see cref="ErrorCodes.RunNotResumable"/>).</exception>
    public async Task<RunSettings> LoadSettingsAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var ledger = AuditLedger.ForRun(_lake, run.Scope, run.RunId);
        foreach (AuditEntry entry in await ledger.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Kind == RunCoordinator.RunStarted)
            {
                return RunSettings.ReadFrom(entry.Data);
            }
        }

        throw new RunStateException(ErrorCodes.RunNotResumable, $"The audit ledger of run '{run.RunId}' has no run.started event; the run cannot be resumed.");
    }

    /// <summary>
    /// Appends spans to the run's <c>forensic_trace.json</c> (each execution adds its trace). Conditional on the ETag
    /// read, so executions appending at once on several workers lose no span.
    /// </summary>
    public async Task AppendForensicTraceAsync(RunRecord run, IReadOnlyList<SpanRecord> spans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(spans);
        LakePath path = LakePathResolver.ForensicTrace(run.Scope, run.RunId);
        for (int attempt = 1; ; attempt++)
        {
            LakeObject? existing = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
            ForensicTrace? previous = existing is null ? null : RunRecordStore.Deserialize<ForensicTrace>(existing.Content.Span, path);
            var trace = new ForensicTrace
            {
                RunId = run.RunId.Value,
                Scope = run.Scope.Value,
                PipelineId = run.PipelineId.Value,
                Spans = [.. previous?.Spans ?? [], .. spans],
            };
            byte[] bytes = RunRecordStore.Serialize(trace);
            try
            {
                _ = existing is null
                    ? await _lake.WriteAsync(path, bytes, LakeWriteMode.CreateOnly, cancellationToken).ConfigureAwait(false)
                    : await _lake.WriteIfMatchAsync(path, bytes, existing.Info.ETag, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (LakeConflictException) when (attempt < MaxConditionalAttempts)
            {
                // Another execution appended first: read again.
            }
        }
    }

    /// <summary>
    /// Replaces the entries of <paramref name="records"/> in <c>run.json</c> with If-Match, so concurrent writers (nodes
    /// finishing on several workers) lose no update, and records the ledger's head. A finished run keeps its status (a
    /// terminated run stays terminated); an unfinished one stays Pending or Running: only the run's completion (which
    /// audits it and publishes a data run's hand-off) records it finished.
    /// </summary>
    /// <exception cref="RunStateException"><c>run.json</c> does not exist.</exception>
    public async Task<RunRecord> UpdateNodesAsync(RunRecord run, ExecutionPlan plan, IReadOnlyList<StageRecord> records, AuditLedger? ledger, bool failFast, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        var keys = new HashSet<NodeKey>(records.Select(r => r.Node));
        for (int attempt = 1; ; attempt++)
        {
            Versioned<RunRecord> current = await Records.ReadRunAsync(run.Scope, run.RunId, cancellationToken).ConfigureAwait(false)
                ?? throw new RunStateException(ErrorCodes.RunNotFound, $"run.json of run '{run.RunId}' disappeared.");
            List<NodeState> nodes = [.. current.Value.Nodes.Where(n => !keys.Contains(n.Node)), .. records.Select(NodeRecords.ToNodeState)];
            nodes.Sort((a, b) => plan.IndexOf(a.Node.Value).CompareTo(plan.IndexOf(b.Node.Value)));
            RunStatus status = current.Value.Status.IsFinished() ? current.Value.Status : Unfinished(plan, nodes, failFast);

            // A node appended to the run's ledger: record the new head, or `ledger verify` reports entries past the recorded end.
            AuditLedgerHead? head = ledger is null ? current.Value.AuditHead : await ledger.GetHeadAsync(cancellationToken).ConfigureAwait(false);
            RunRecord updated = current.Value with { Nodes = nodes, Status = status, AuditHead = head };
            try
            {
                await Records.WriteRunAsync(updated, current.ETag, cancellationToken).ConfigureAwait(false);
                return updated;
            }
            catch (LakeConflictException) when (attempt < MaxConditionalAttempts)
            {
                // Another writer updated run.json between our read and write: read again.
            }
        }
    }

    /// <summary>Reads the run's forensic trace; null when none was written.</summary>
    public async Task<ForensicTrace?> TryLoadForensicTraceAsync(string scope, string runId, CancellationToken cancellationToken = default)
    {
        LakePath path = LakePathResolver.ForensicTrace(LakeIdentifier.Parse(scope, "scope"), RunId.Parse(runId));
        LakeObject? obj = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        return obj is null ? null : RunRecordStore.Deserialize<ForensicTrace>(obj.Content.Span, path);
    }
}
