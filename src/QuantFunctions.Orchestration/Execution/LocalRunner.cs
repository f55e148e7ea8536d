using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
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
/// A run id that already exists with the same inputs (manifest, overrides, parameter values, seed, as-of) is resumed,
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
        Store = new RunStore(lake);
    }

    /// <summary>The node executor the runner uses (shared with other runners and <c>stage run</c>).</summary>
    public NodeExecutor Executor { get; }

    /// <summary>The run records store.</summary>
    public RunStore Store { get; }

    internal RunnerOptions Options => _options;

    internal TimeProvider Time => _time;

    internal ILakeStore Lake => _lake;

    internal StageRegistry Registry => _registry;

    internal OrchestrationTelemetry Telemetry => _telemetry;

    /// <summary>Runs a pipeline; returns the final run record (Succeeded, Failed or Cancelled).</summary>
    /// <exception cref="ManifestValidationException">The manifest with the overrides is invalid; nothing ran.</exception>
    /// <exception cref="FormatException">An override does not follow the grammar.</exception>
    /// <exception cref="ArgumentException">The run id or git sha is invalid.</exception>
    /// <exception cref="RunStateException">The run id exists with different inputs (<see cref="ErrorCodes.RunExists"/>).</exception>
    /// <exception cref="LakeConflictException">A different manifest with the same version is stored.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled (and recorded Cancelled).</exception>
    public async Task<RunRecord> RunAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        (ExecutionPlan plan, RunRecord run, RunSettings settings, bool exists) = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        return exists
            ? await ResumeAsync(run, plan, settings, cancellationToken).ConfigureAwait(false)
            : await ExecuteAsync(run, settings, plan, new Dictionary<string, StageRecord>(), resume: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Validates a request and finds its run: the recorded run (Exists) when the id exists with the same inputs, else a new
    /// Pending record (the manifest copy saved). Shared by the local and queue runners.
    /// </summary>
    internal async Task<(ExecutionPlan Plan, RunRecord Run, RunSettings Settings, bool Exists)> PrepareAsync(RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineManifest manifest = request.Manifest;
        ExecutionPlan plan = ExecutionPlan.Create(manifest, _registry, request.Settings.ToOverrides());
        RunId runId = RunId.Parse(request.RunId);
        string manifestHash = DatasetFingerprinter.HashManifest(Encoding.UTF8.GetBytes(manifest.Json));
        RunRecord? existing = await Store.TryLoadAsync(manifest.Scope, request.RunId, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            RunSettings recorded = await Store.LoadSettingsAsync(existing, cancellationToken).ConfigureAwait(false);
            if (existing.ManifestHash != manifestHash || !recorded.SameAs(request.Settings))
            {
                throw new RunStateException(
                    ErrorCodes.RunExists,
                    $"Run '{request.RunId}' already exists in scope '{manifest.Scope}' with other inputs (manifest, overrides, parameters, seed or as-of); choose another run id.");
            }

            return (plan, existing, recorded, true);
        }

        await Store.SaveManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        RunRecord run = new()
        {
            RunId = runId,
            Scope = LakeIdentifier.Parse(manifest.Scope, "scope"),
            PipelineId = LakeIdentifier.Parse(manifest.Id, "pipeline id"),
            PipelineVersion = SemVer.Parse(manifest.Version),
            Kind = manifest.Kind,
            Status = RunStatus.Pending,
            ParamsHash = ParamsHash(plan, request.Settings),
            ManifestHash = manifestHash,
            GitSha = request.GitSha,
        };
        return (plan, run, request.Settings, false);
    }

    /// <summary>Resumes a run found by id in any scope.</summary>
    /// <exception cref="RunStateException">No run has this id, or it exists in several scopes.</exception>
    public async Task<RunRecord> ResumeAsync(string runId, CancellationToken cancellationToken = default)
    {
        RunRecord run = await Store.FindAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new RunStateException(ErrorCodes.RunNotFound, $"No run '{runId}' in the lake.");
        return await ResumeAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resumes a run of <paramref name="scope"/>.</summary>
    /// <exception cref="RunStateException">No such run.</exception>
    public async Task<RunRecord> ResumeAsync(string scope, string runId, CancellationToken cancellationToken = default)
    {
        RunRecord run = await Store.LoadAsync(scope, runId, cancellationToken).ConfigureAwait(false);
        return await ResumeAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one node of a recorded run on its own (CLI <c>stage run &lt;node&gt; --run-id &lt;id&gt;</c>): the stage
    /// reads its inputs from the lake (failing clearly when they are missing); the node's <c>stage.json</c>,
    /// audit event, forensic spans and its entry in <c>run.json</c> are recorded as in a full run.
    /// </summary>
    /// <exception cref="RunStateException">No such run.</exception>
    /// <exception cref="KeyNotFoundException">The run's plan has no such node (the message lists them).</exception>
    public async Task<StageRecord> RunNodeAsync(string runId, string nodeKey, CancellationToken cancellationToken = default)
    {
        RunRecord run = await Store.FindAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new RunStateException(ErrorCodes.RunNotFound, $"No run '{runId}' in the lake.");
        (ExecutionPlan plan, RunSettings settings) = await LoadPlanAsync(run, cancellationToken).ConfigureAwait(false);
        PlanNode node = plan.Get(nodeKey);
        int attempts = NodeRecords.AttemptsOf(run, NodeKey.Parse(node.Key));
        using Activity? root = _telemetry.ActivitySource.StartActivity($"stage {nodeKey}", ActivityKind.Internal);
        root?.SetTag("qf.run_id", run.RunId.Value).SetTag("qf.scope", run.Scope.Value).SetTag("qf.pipeline", run.PipelineId.Value);
        ActivityTraceId traceId = root?.TraceId ?? ActivityTraceId.CreateRandom();
        _telemetry.Forensics.Track(traceId);
        StageRecord record;
        using (var ledger = AuditLedger.ForRun(_lake, run.Scope, run.RunId))
        {
            try
            {
                record = await Executor.ExecuteAsync(run, settings, node, attempts, ledger, root?.Context ?? default, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                root?.Stop();
                await Store.AppendForensicTraceAsync(run, _telemetry.Forensics.Take(traceId), CancellationToken.None).ConfigureAwait(false);
            }

            await Store.UpdateNodesAsync(run, plan, [record], ledger, _options.FailFast, cancellationToken).ConfigureAwait(false);
        }

        return record;
    }

    /// <summary>Rebuilds the plan and settings of a recorded run from its stored manifest and <c>run.started</c> event.</summary>
    public async Task<(ExecutionPlan Plan, RunSettings Settings)> LoadPlanAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        (string json, LakePath path) = await Store.LoadManifestAsync(run, cancellationToken).ConfigureAwait(false);
        RunSettings settings = await Store.LoadSettingsAsync(run, cancellationToken).ConfigureAwait(false);
        PipelineManifest manifest = new ManifestLoader(_registry).Parse(json, path.Value);
        return (ExecutionPlan.Create(manifest, _registry, settings.ToOverrides()), settings);
    }

    private async Task<RunRecord> ResumeAsync(RunRecord run, CancellationToken cancellationToken)
    {
        (ExecutionPlan plan, RunSettings settings) = await LoadPlanAsync(run, cancellationToken).ConfigureAwait(false);
        return await ResumeAsync(run, plan, settings, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunRecord> ResumeAsync(RunRecord run, ExecutionPlan plan, RunSettings settings, CancellationToken cancellationToken)
    {
        Dictionary<string, StageRecord> stages = await Store.LoadStagesAsync(run, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(run, settings, plan, stages, resume: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RunRecord> ExecuteAsync(RunRecord run, RunSettings settings, ExecutionPlan plan, IReadOnlyDictionary<string, StageRecord> stages, bool resume, CancellationToken cancellationToken)
    {
        using Activity? root = _telemetry.ActivitySource.StartActivity($"run {run.Scope}/{run.PipelineId}", ActivityKind.Internal);
        root?.SetTag("qf.run_id", run.RunId.Value).SetTag("qf.scope", run.Scope.Value).SetTag("qf.pipeline", run.PipelineId.Value)
            .SetTag("qf.version", run.PipelineVersion.ToString()).SetTag("qf.kind", run.Kind.ToString().ToLowerInvariant()).SetTag("qf.resume", resume);
        ActivityTraceId traceIdValue = root?.TraceId ?? ActivityTraceId.CreateRandom();
        _telemetry.Forensics.Track(traceIdValue);
        using var ledger = AuditLedger.ForRun(_lake, run.Scope, run.RunId);
        var coordinator = new RunCoordinator(
            this,
            run,
            settings,
            plan,
            stages,
            ledger,
            traceIdValue.ToHexString(),
            root?.Context ?? default);

        RunRecord final;
        Exception? failure = null;
        try
        {
            await coordinator.StartAsync(resume, cancellationToken).ConfigureAwait(false);
            final = await coordinator.DriveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Remember(e, out failure))
        {
            throw; // Unreachable: Remember returns false, so the exception propagates untouched.
        }
        finally
        {
            root?.SetStatus(coordinator.Run.Status == RunStatus.Succeeded ? ActivityStatusCode.Ok : ActivityStatusCode.Error, coordinator.Run.Error?.Message);
            root?.Stop();
            await AppendForensicTraceAsync(coordinator.Run, traceIdValue, failure).ConfigureAwait(false);
        }

        _logger.LogInformation("Run {RunId} of {Scope}/{Pipeline} {Status}", final.RunId, final.Scope, final.PipelineId, final.Status);
        return final;
    }

    /// <summary>Records <paramref name="e"/> and returns false (an exception filter that observes without catching).</summary>
    private static bool Remember(Exception e, out Exception? failure)
    {
        failure = e;
        return false;
    }

    /// <summary>
    /// Appends the run's spans to <c>forensic_trace.json</c>. When the run already failed with <paramref name="failure"/>
    /// (e.g. storage down, so <c>run.json</c> could not be written) a failure here is logged, not thrown, so it does not
    /// hide the first error.
    /// </summary>
    private async Task AppendForensicTraceAsync(RunRecord run, ActivityTraceId traceId, Exception? failure)
    {
        try
        {
            await Store.AppendForensicTraceAsync(run, _telemetry.Forensics.Take(traceId), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (failure is not null)
        {
            _logger.LogWarning(
                "forensic_trace.json of run {RunId} not written ({Error}); the run had already failed: {Failure}. Resume the run once storage is back.",
                run.RunId, e.Message, failure.Message);
        }
    }

    /// <summary>
    /// SHA-256 over the run settings (seed, as-of, overrides, declared parameter values) and every node's effective
    /// parameters (declared values substituted), one line each in plan order.
    /// </summary>
    private static string ParamsHash(ExecutionPlan plan, RunSettings settings)
    {
        var text = new StringBuilder("qf.run_params.v1\n");
        text.Append("seed\t").Append(settings.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("as_of\t").Append(settings.AsOf.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        foreach (string o in settings.Overrides)
        {
            text.Append("override\t").Append(o).Append('\n');
        }

        foreach ((string name, string value) in settings.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("set\t").Append(name).Append('\t').Append(value).Append('\n');
        }

        foreach (PlanNode node in plan.Nodes)
        {
            text.Append("node\t").Append(node.Key).Append('\t').Append(node.ParametersJson).Append('\n');
        }

        return Hashes.Sha256(text.ToString());
    }
}
