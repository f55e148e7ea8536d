using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Telemetry;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// Runs a pipeline in-process: executes what the <see cref="Planner"/> says, up to
/// <see cref="RunnerOptions.MaxParallelism"/> nodes at once, through <see cref="NodeExecutor"/>
/// (retries, timeout, span, <c>stage.json</c>, audit), and records <c>run.json</c> after every transition.
/// </summary>
/// <remarks>
/// A run id that already exists with the same inputs (manifest, overrides, seed, as-of) is resumed,
/// not run again; with other inputs it is an error. Resume resets Failed, Skipped and Running nodes to
/// Pending and keeps Succeeded nodes whose stage reports unchanged input fingerprints (or cannot tell);
/// a Succeeded node with changed fingerprints is redone, and so are its dependents.
/// </remarks>
public sealed class LocalRunner
{
    private readonly StageRegistry _registry;
    private readonly ILakeStore _lake;
    private readonly RunnerOptions _options;
    private readonly OrchestrationTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RunStateStore _store;

    /// <summary>Creates the runner.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Invalid options.</exception>
    public LocalRunner(StageRegistry registry, ILakeStore lake, RunnerOptions options, OrchestrationTelemetry telemetry, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        Executor = new NodeExecutor(registry, lake, options, telemetry, loggerFactory, timeProvider);
        _registry = registry;
        _lake = lake;
        _options = options;
        _telemetry = telemetry;
        _time = timeProvider;
        _logger = loggerFactory.CreateLogger<LocalRunner>();
        _store = new RunStateStore(lake);
    }

    /// <summary>The node executor the runner uses (shared with other runners and <c>stage run</c>).</summary>
    public NodeExecutor Executor { get; }

    /// <summary>The run records store.</summary>
    public RunStateStore Store => _store;

    /// <summary>Runs a pipeline; returns the final run state (Succeeded or Failed).</summary>
    /// <exception cref="ManifestValidationException">The manifest with the overrides is invalid; nothing ran.</exception>
    /// <exception cref="FormatException">An override does not follow the grammar.</exception>
    /// <exception cref="ArgumentException">The run id is invalid.</exception>
    /// <exception cref="InvalidOperationException">The run id exists with different inputs.</exception>
    /// <exception cref="LakeConflictException">A different manifest with the same version is stored.</exception>
    public async Task<RunState> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineManifest manifest = request.Manifest;
        ExecutionPlan plan = ExecutionPlan.Create(manifest, _registry, ParameterOverrides.Parse(request.Overrides));
        RunId.Parse(request.RunId);
        string manifestHash = RunStateStore.Sha256(manifest.Json);
        RunState? existing = await _store.TryLoadAsync(manifest.Scope, request.RunId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            if (existing.ManifestHash != manifestHash || !existing.Overrides.SequenceEqual(request.Overrides) || existing.Seed != request.Seed || existing.AsOf != request.AsOf)
            {
                throw new InvalidOperationException(
                    $"Run '{request.RunId}' already exists in scope '{manifest.Scope}' with other inputs (manifest, overrides, seed or as-of); choose another run id.");
            }

            return await ExecuteAsync(existing, plan, resume: true, cancellationToken).ConfigureAwait(false);
        }

        LakePath manifestPath = await _store.SaveManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        var run = new RunState
        {
            RunId = request.RunId,
            Scope = manifest.Scope,
            PipelineId = manifest.Id,
            Version = manifest.Version,
            Kind = manifest.Kind,
            Seed = request.Seed,
            AsOf = request.AsOf,
            ManifestHash = manifestHash,
            ManifestPath = manifestPath.Value,
            ParametersHash = ParametersHash(plan),
            Overrides = request.Overrides,
            GitSha = request.GitSha,
            Nodes = plan.Nodes.Select(n => NodeState.Pending(n.Key, n.StageId)).ToList(),
        };
        return await ExecuteAsync(run, plan, resume: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes a run found by id in any scope.</summary>
    /// <exception cref="KeyNotFoundException">No run has this id.</exception>
    public async Task<RunState> ResumeAsync(string runId, CancellationToken cancellationToken = default)
    {
        RunState run = await _store.FindAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No run '{runId}' in the lake.");
        return await ResumeAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes a run of <paramref name="scope"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    public async Task<RunState> ResumeAsync(string scope, string runId, CancellationToken cancellationToken = default)
    {
        RunState run = await _store.TryLoadAsync(scope, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No run '{runId}' in scope '{scope}'.");
        return await ResumeAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rebuilds the plan of a recorded run from its stored manifest and overrides.</summary>
    public async Task<ExecutionPlan> LoadPlanAsync(RunState run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        string json = await _store.LoadManifestAsync(run, cancellationToken).ConfigureAwait(false);
        PipelineManifest manifest = new ManifestLoader(_registry).Parse(json, run.ManifestPath);
        return ExecutionPlan.Create(manifest, _registry, ParameterOverrides.Parse(run.Overrides));
    }

    private async Task<RunState> ResumeAsync(RunState run, CancellationToken cancellationToken)
    {
        ExecutionPlan plan = await LoadPlanAsync(run, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(run, plan, resume: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunState> ExecuteAsync(RunState run, ExecutionPlan plan, bool resume, CancellationToken cancellationToken)
    {
        using Activity? root = _telemetry.ActivitySource.StartActivity($"run {run.Scope}/{run.PipelineId}", ActivityKind.Internal);
        root?.SetTag("qf.run_id", run.RunId).SetTag("qf.scope", run.Scope).SetTag("qf.pipeline", run.PipelineId)
            .SetTag("qf.version", run.Version).SetTag("qf.kind", run.Kind.ToString().ToLowerInvariant()).SetTag("qf.resume", resume);
        ActivityTraceId traceIdValue = root?.TraceId ?? ActivityTraceId.CreateRandom();
        _telemetry.Forensics.Track(traceIdValue);
        string traceId = traceIdValue.ToHexString();
        using var ledger = AuditLedger.ForRun(_lake, LakeIdentifier.Parse(run.Scope, "scope"), RunId.Parse(run.RunId));
        var coordinator = new RunCoordinator(this, run with
        {
            Status = RunStatus.Running,
            StartedAt = _time.GetUtcNow(),
            EndedAt = null,
            FailureReason = null,
            TraceIds = [.. run.TraceIds, traceId],
        }, plan, ledger, traceId, root?.Context ?? default);

        RunState final;
        try
        {
            await coordinator.StartAsync(resume, cancellationToken).ConfigureAwait(false);
            final = await coordinator.DriveAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            root?.SetStatus(coordinator.Run.Status == RunStatus.Succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error, coordinator.Run.FailureReason);
            root?.Stop();
            await _store.AppendForensicTraceAsync(coordinator.Run, _telemetry.Forensics.Take(traceIdValue), CancellationToken.None).ConfigureAwait(false);
        }

        _logger.LogInformation("Run {RunId} of {Scope}/{Pipeline} {Status}", final.RunId, final.Scope, final.PipelineId, final.Status);
        return final;
    }

    private static string ParametersHash(ExecutionPlan plan)
    {
        var text = new StringBuilder();
        foreach (PlanNode node in plan.Nodes)
        {
            text.Append(node.Key).Append('=').Append(node.ParametersJson).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    internal RunnerOptions Options => _options;

    internal TimeProvider Time => _time;
}
