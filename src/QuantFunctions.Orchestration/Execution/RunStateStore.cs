using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Telemetry;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// Reads and writes a run's records in the lake: <c>run.json</c>, <c>stages/{node}/stage.json</c>,
/// <c>forensic_trace.json</c> and the manifest copy under <c>_meta/pipelines</c>. Shared by every
/// runner (local, queue) and by status queries.
/// </summary>
public sealed class RunStateStore
{
    private readonly ILakeStore _lake;

    /// <summary>Creates the store over the (unrestricted) lake.</summary>
    public RunStateStore(ILakeStore lake)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
    }

    /// <summary>The path of <c>run.json</c>.</summary>
    public static LakePath RunPath(string scope, string runId) =>
        LakePathResolver.RunRecord(LakeIdentifier.Parse(scope, "scope"), Lake.Paths.RunId.Parse(runId));

    /// <summary>Writes <c>run.json</c> (replacing it).</summary>
    public Task SaveRunAsync(RunState run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _lake.WriteAsync(RunPath(run.Scope, run.RunId), JsonSerializer.SerializeToUtf8Bytes(run, RunJson.Options), LakeWriteMode.Overwrite, cancellationToken);
    }

    /// <summary>Writes a node's <c>stage.json</c> (replacing it).</summary>
    public Task SaveNodeAsync(RunState run, NodeState node, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(node);
        LakePath path = LakePathResolver.StageRecord(LakeIdentifier.Parse(run.Scope, "scope"), Lake.Paths.RunId.Parse(run.RunId), NodeKey.Parse(node.Key));
        return _lake.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(node, RunJson.Options), LakeWriteMode.Overwrite, cancellationToken);
    }

    /// <summary>Reads a node's <c>stage.json</c>; null when the node has no record.</summary>
    public async Task<NodeState?> TryLoadNodeAsync(string scope, string runId, string nodeKey, CancellationToken cancellationToken = default)
    {
        LakePath path = LakePathResolver.StageRecord(LakeIdentifier.Parse(scope, "scope"), Lake.Paths.RunId.Parse(runId), NodeKey.Parse(nodeKey));
        LakeObject? obj = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        return obj is null ? null : JsonSerializer.Deserialize<NodeState>(obj.Content.Span, RunJson.Options);
    }

    /// <summary>Reads <c>run.json</c>; null when the run does not exist.</summary>
    public async Task<RunState?> TryLoadAsync(string scope, string runId, CancellationToken cancellationToken = default)
    {
        LakeObject? obj = await _lake.TryReadAsync(RunPath(scope, runId), cancellationToken).ConfigureAwait(false);
        return obj is null ? null : JsonSerializer.Deserialize<RunState>(obj.Content.Span, RunJson.Options);
    }

    /// <summary>Finds a run by id in any scope (lists <c>_meta</c>); null when there is none.</summary>
    /// <exception cref="InvalidOperationException">Two scopes have a run with this id.</exception>
    public async Task<RunState?> FindAsync(string runId, CancellationToken cancellationToken = default)
    {
        string suffix = "/runs/" + Lake.Paths.RunId.Parse(runId).Value + "/run.json";
        var scopes = new List<string>();
        await foreach (LakeObjectInfo info in _lake.ListAsync(LakePathResolver.MetaRoot, cancellationToken).ConfigureAwait(false))
        {
            string value = info.Path.Value;
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                string scope = value[(LakePathResolver.MetaRoot.Value.Length + 1)..^suffix.Length];
                if (!scope.Contains('/', StringComparison.Ordinal))
                {
                    scopes.Add(scope);
                }
            }
        }

        return scopes.Count switch
        {
            0 => null,
            1 => await TryLoadAsync(scopes[0], runId, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"Run id '{runId}' exists in several scopes ({string.Join(", ", scopes)}); give the scope."),
        };
    }

    /// <summary>
    /// Copies the manifest to <c>_meta/pipelines/{scope}/{pipeline_id}/version={v}/manifest.json</c>. A
    /// version is immutable: when a different manifest is already stored there, nothing is written.
    /// </summary>
    /// <exception cref="LakeConflictException">Another manifest with the same scope, id and version is stored.</exception>
    public async Task<LakePath> SaveManifestAsync(PipelineManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        LakePath path = ManifestPath(manifest.Scope, manifest.Id, manifest.Version);
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

    /// <summary>Reads the manifest copy of a run and checks it still has the recorded hash.</summary>
    /// <exception cref="LakeObjectNotFoundException">The copy is missing.</exception>
    /// <exception cref="InvalidOperationException">The copy's hash differs from the run's.</exception>
    public async Task<string> LoadManifestAsync(RunState run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        LakePath path = LakePath.Parse(run.ManifestPath);
        LakeObject obj = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false) ?? throw new LakeObjectNotFoundException(path);
        string json = Encoding.UTF8.GetString(obj.Content.Span);
        if (Sha256(json) != run.ManifestHash)
        {
            throw new InvalidOperationException($"The manifest at {path} no longer has the hash recorded by run '{run.RunId}'.");
        }

        return json;
    }

    /// <summary>Appends spans to the run's <c>forensic_trace.json</c> (each execution adds its trace).</summary>
    public async Task AppendForensicTraceAsync(RunState run, IReadOnlyList<SpanRecord> spans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(spans);
        LakePath path = LakePathResolver.ForensicTrace(LakeIdentifier.Parse(run.Scope, "scope"), Lake.Paths.RunId.Parse(run.RunId));
        LakeObject? existing = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        List<SpanRecord> all = existing is null
            ? []
            : JsonSerializer.Deserialize<ForensicTrace>(existing.Content.Span, RunJson.Options)?.Spans.ToList() ?? [];
        all.AddRange(spans);
        var trace = new ForensicTrace { RunId = run.RunId, Scope = run.Scope, PipelineId = run.PipelineId, Spans = all };
        await _lake.WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(trace, RunJson.Options), LakeWriteMode.Overwrite, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the run's forensic trace; null when none was written.</summary>
    public async Task<ForensicTrace?> TryLoadForensicTraceAsync(string scope, string runId, CancellationToken cancellationToken = default)
    {
        LakePath path = LakePathResolver.ForensicTrace(LakeIdentifier.Parse(scope, "scope"), Lake.Paths.RunId.Parse(runId));
        LakeObject? obj = await _lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        return obj is null ? null : JsonSerializer.Deserialize<ForensicTrace>(obj.Content.Span, RunJson.Options);
    }

    internal static LakePath ManifestPath(string scope, string pipelineId, string version) =>
        LakePathResolver.PipelineManifest(LakeIdentifier.Parse(scope, "scope"), LakeIdentifier.Parse(pipelineId, "pipeline id"), SemVer.Parse(version));

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
