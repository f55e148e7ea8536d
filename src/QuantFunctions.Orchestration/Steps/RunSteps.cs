using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Steps;

/// <summary>
/// A run's bookkeeping in steps, for an engine that decides with the <see cref="Planner"/> and runs each node as a
/// separate, possibly repeated, unit of work (the Durable orchestrators' activities): start, execute one node, record
/// skips, complete, terminate. Every step reads what it needs from the lake, writes <c>run.json</c>, <c>stage.json</c>,
/// <c>audit.jsonl</c>, <c>forensic_trace.json</c> and the DataOps hand-off as the <see cref="LocalRunner"/> does, and is
/// idempotent: a step delivered twice leaves the lake and the ledger as one delivery would (its ledger events carry
/// keys, a node already recorded finished is not run again, <c>run.json</c> is updated with If-Match).
/// </summary>
public sealed class RunSteps
{
    private readonly LocalRunner _runner;
    private readonly StepRetry _retry;
    private readonly ConcurrentDictionary<string, Task<(ExecutionPlan Plan, RunSettings Settings)>> _plans = new(StringComparer.Ordinal);

    /// <summary>Creates the steps over a runner's lake, registry, executor and options.</summary>
    /// <param name="runner">The runner whose store, executor and options the steps use.</param>
    /// <param name="retry">How the engine retries a step that threw; default 4 attempts, 1 s doubling up to 30 s.</param>
    public RunSteps(LocalRunner runner, StepRetry? retry = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _retry = retry ?? new StepRetry(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// Records the start of an execution — a new run (validated, its manifest copy saved, <c>run.started</c>) or a restart
    /// (attempt + 1, <c>run.resumed</c>, failed and skipped nodes reset, succeeded nodes whose inputs changed redone) —
    /// and returns its graph. When the execution is already recorded (a repeated delivery) it only returns the graph.
    /// </summary>
    /// <exception cref="ManifestValidationException">The manifest with the overrides is invalid.</exception>
    /// <exception cref="InvalidOperationException">The run id exists with other inputs, or a restart of a run that is not recorded.</exception>
    public async Task<RunGraph> StartAsync(RunStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start.IsRestart)
        {
            RunRecord recorded = await _runner.Store.LoadAsync(start.Scope ?? throw new ArgumentException("A restart names the run's scope.", nameof(start)), start.RunId, cancellationToken).ConfigureAwait(false);
            (ExecutionPlan plan, RunSettings settings) = await PlanOfAsync(recorded, cancellationToken).ConfigureAwait(false);
            if (recorded.Attempt >= start.Attempt)
            {
                return await GraphAsync(recorded, plan, cancellationToken).ConfigureAwait(false);
            }

            Dictionary<string, StageRecord> stages = await _runner.Store.LoadStagesAsync(recorded, cancellationToken).ConfigureAwait(false);
            RunRecord resumed = await StartCoordinatorAsync(recorded, settings, plan, stages, start.Attempt, resume: true, cancellationToken).ConfigureAwait(false);
            return await GraphAsync(resumed, plan, cancellationToken).ConfigureAwait(false);
        }

        PipelineManifest manifest = new ManifestLoader(_runner.Registry).Parse(start.ManifestJson!, start.ManifestSource ?? "manifest.json");
        var request = new RunRequest
        {
            Manifest = manifest,
            RunId = start.RunId,
            Settings = new RunSettings { Seed = start.Seed, AsOf = start.AsOf, Overrides = start.Overrides, Parameters = start.Parameters },
            GitSha = start.GitSha,
        };
        (ExecutionPlan newPlan, RunRecord run, RunSettings runSettings, bool exists) = await _runner.PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        _plans.TryAdd(Key(run.Scope.Value, run.RunId.Value), Task.FromResult((newPlan, runSettings)));
        if (exists)
        {
            return await GraphAsync(run, newPlan, cancellationToken).ConfigureAwait(false);
        }

        RunRecord started = await StartCoordinatorAsync(run, runSettings, newPlan, new Dictionary<string, StageRecord>(), start.Attempt, resume: false, cancellationToken).ConfigureAwait(false);
        return await GraphAsync(started, newPlan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one node through the <see cref="NodeExecutor"/> (its retries, timeout, span, <c>stage.json</c> and audit) and
    /// merges its state into <c>run.json</c>. A node already recorded Succeeded or Failed in this execution is not run
    /// again; nor is any node of a run recorded finished (terminated).
    /// </summary>
    public async Task<NodeOutcome> ExecuteNodeAsync(NodeWork work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        RunRecord run = await _runner.Store.LoadAsync(work.Scope, work.RunId, cancellationToken).ConfigureAwait(false);
        (ExecutionPlan plan, RunSettings settings) = await PlanOfAsync(run, cancellationToken).ConfigureAwait(false);
        PlanNode node = plan.Get(work.Node);
        Versioned<StageRecord>? recorded = await _runner.Store.Records.ReadStageAsync(run.Scope, run.RunId, NodeKey.Parse(node.Key), cancellationToken).ConfigureAwait(false);
        if (recorded?.Value is { Status: NodeStatus.Succeeded or NodeStatus.Failed } done)
        {
            return Outcome(done);
        }

        if (run.Status.IsFinished())
        {
            return new NodeOutcome(node.Key, NodeStatus.Cancelled, $"run '{run.RunId}' is already {run.Status.ToString().ToLowerInvariant()}; the node was not started");
        }

        int previousAttempts = recorded?.Value.Attempts ?? 0;
        StageRecord running = NodeRecords.Create(run, node, NodeStatus.Running, previousAttempts) with { StartedAt = _runner.Time.GetUtcNow() };
        using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
        await _runner.Store.UpdateNodesAsync(run, plan, [running], null, _runner.Options.FailFast, cancellationToken).ConfigureAwait(false);
        (ActivityTraceId traceId, ActivityContext parent) = TraceOf(run, work.Attempt);
        _runner.Telemetry.Forensics.Track(traceId);
        StageRecord record;
        try
        {
            var keyed = new IdempotentAuditLedger(ledger, $"{EventPrefix(run, work.Attempt)}/node/{node.Key}");
            record = await _runner.Executor.ExecuteAsync(run, settings, node, previousAttempts, keyed, parent, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _runner.Store.AppendForensicTraceAsync(run, _runner.Telemetry.Forensics.Take(traceId), CancellationToken.None).ConfigureAwait(false);
        }

        await _runner.Store.UpdateNodesAsync(run, plan, [record], ledger, _runner.Options.FailFast, cancellationToken).ConfigureAwait(false);
        return Outcome(record);
    }

    /// <summary>Records skipped nodes: <c>stage.json</c>, a <c>node.skipped</c> event each, and their entries in <c>run.json</c>.</summary>
    public async Task SkipAsync(NodeSkips skips, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skips);
        RunRecord run = await _runner.Store.LoadAsync(skips.Scope, skips.RunId, cancellationToken).ConfigureAwait(false);
        (ExecutionPlan plan, _) = await PlanOfAsync(run, cancellationToken).ConfigureAwait(false);
        using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
        (ActivityTraceId traceId, _) = TraceOf(run, skips.Attempt);
        var records = new List<StageRecord>(skips.Skips.Count);
        foreach (NodeSkip skip in skips.Skips)
        {
            PlanNode node = plan.Get(skip.Key);
            Versioned<StageRecord>? recorded = await _runner.Store.Records.ReadStageAsync(run.Scope, run.RunId, NodeKey.Parse(node.Key), cancellationToken).ConfigureAwait(false);
            StageRecord record = NodeRecords.Skipped(recorded?.Value ?? NodeRecords.Create(run, node, NodeStatus.Pending, 0), skip);
            await _runner.Store.Records.WriteStageAsync(record, cancellationToken: cancellationToken).ConfigureAwait(false);
            await ledger.AppendAsync(
                new AuditEvent("node.skipped", skip.Key, traceId.ToHexString(), NodeRecords.SkipData(record, skip), $"{EventPrefix(run, skips.Attempt)}/plan/node.skipped/{skip.Key}"),
                cancellationToken).ConfigureAwait(false);
            records.Add(record);
        }

        await _runner.Store.UpdateNodesAsync(run, plan, records, ledger, _runner.Options.FailFast, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the end of an execution as the local runner does (<c>run.completed</c>/<c>run.failed</c>, the hand-off of a
    /// data run, the final <c>run.json</c>); nodes the engine gave up on are recorded Failed first. A run already recorded
    /// finished is left as it is.
    /// </summary>
    public async Task<RunOutcome> CompleteAsync(RunCompletion completion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(completion);
        RunRecord run = await _runner.Store.LoadAsync(completion.Scope, completion.RunId, cancellationToken).ConfigureAwait(false);
        (ExecutionPlan plan, RunSettings settings) = await PlanOfAsync(run, cancellationToken).ConfigureAwait(false);
        Dictionary<string, StageRecord> stages = await _runner.Store.LoadStagesAsync(run, cancellationToken).ConfigureAwait(false);
        foreach ((string key, string message) in completion.Lost.OrderBy(p => plan.IndexOf(p.Key)))
        {
            StageRecord lost = (stages.TryGetValue(key, out StageRecord? s) ? s : NodeRecords.Create(run, plan.Get(key), NodeStatus.Pending, 0)) with
            {
                Status = NodeStatus.Failed,
                CompletedAt = _runner.Time.GetUtcNow(),
                Error = new NodeError("step", message, NodeErrorCodes.StepLost),
            };
            await _runner.Store.Records.WriteStageAsync(lost, cancellationToken: cancellationToken).ConfigureAwait(false);
            stages[key] = lost;
        }

        RunRecord final = await CoordinateAsync(run, settings, plan, stages, completion.Attempt, "end", async c =>
        {
            RunStatus status = completion.Lost.Count > 0 && completion.Status == RunStatus.Succeeded ? RunStatus.Failed : completion.Status;
            await c.CompleteAsync(status, null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return OutcomeOf(final);
    }

    /// <summary>
    /// Records a run Cancelled with <paramref name="reason"/> (<c>run.cancelled</c> in the ledger, the reason in
    /// <c>run.json</c>); a finished run is left as it is. Returns the recorded run, or null when there is none.
    /// </summary>
    public async Task<RunRecord?> TerminateAsync(string runId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RunRecord? run = await _runner.Store.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null || run.Status.IsFinished())
        {
            return run;
        }

        (ExecutionPlan plan, RunSettings settings) = await PlanOfAsync(run, cancellationToken).ConfigureAwait(false);
        Dictionary<string, StageRecord> stages = await _runner.Store.LoadStagesAsync(run, cancellationToken).ConfigureAwait(false);
        return await CoordinateAsync(run, settings, plan, stages, run.Attempt, "terminate", c => c.CompleteAsync(RunStatus.Cancelled, reason, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The outcome of a recorded run.</summary>
    public static RunOutcome OutcomeOf(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunOutcome(run.RunId.Value, run.Status, [.. run.Nodes.Where(n => n.Status == NodeStatus.Failed).Select(n => n.Node.Value)], run.Error?.Message);
    }

    private static NodeOutcome Outcome(StageRecord record) => new(record.Node.Value, record.Status, record.Error?.Message);

    private static string Key(string scope, string runId) => scope + "/" + runId;

    private static string EventPrefix(RunRecord run, int attempt) =>
        $"{run.Scope}/{run.RunId}/{attempt.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The execution's trace: derived from run and attempt, so every step on every worker joins the same trace.</summary>
    private static (ActivityTraceId TraceId, ActivityContext Parent) TraceOf(RunRecord run, int attempt)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes("qf.trace.v1\n" + EventPrefix(run, attempt)));
        var traceId = ActivityTraceId.CreateFromBytes(hash.AsSpan(0, 16));
        return (traceId, new ActivityContext(traceId, ActivitySpanId.CreateFromBytes(hash.AsSpan(16, 8)), ActivityTraceFlags.Recorded));
    }

    private async Task<RunRecord> StartCoordinatorAsync(RunRecord run, RunSettings settings, ExecutionPlan plan, Dictionary<string, StageRecord> stages, int attempt, bool resume, CancellationToken cancellationToken) =>
        await CoordinateAsync(run, settings, plan, stages, attempt, "start", c => c.StartAsync(resume, cancellationToken), cancellationToken).ConfigureAwait(false);

    private async Task<RunRecord> CoordinateAsync(
        RunRecord run, RunSettings settings, ExecutionPlan plan, Dictionary<string, StageRecord> stages, int attempt, string step, Func<RunCoordinator, Task> act, CancellationToken cancellationToken)
    {
        (ActivityTraceId traceId, ActivityContext parent) = TraceOf(run, attempt);
        using Activity? span = _runner.Telemetry.ActivitySource.StartActivity($"run {run.Scope}/{run.PipelineId} {step}", ActivityKind.Internal, parent);
        span?.SetTag("qf.run_id", run.RunId.Value).SetTag("qf.scope", run.Scope.Value).SetTag("qf.attempt", attempt);
        _runner.Telemetry.Forensics.Track(traceId);
        using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
        var coordinator = new RunCoordinator(_runner, run, settings, plan, stages, ledger, traceId.ToHexString(), parent, $"{EventPrefix(run, attempt)}/{step}");
        try
        {
            await act(coordinator).ConfigureAwait(false);
        }
        finally
        {
            span?.Stop();
            await _runner.Store.AppendForensicTraceAsync(coordinator.Run, _runner.Telemetry.Forensics.Take(traceId), CancellationToken.None).ConfigureAwait(false);
        }

        return coordinator.Run;
    }

    private Task<(ExecutionPlan Plan, RunSettings Settings)> PlanOfAsync(RunRecord run, CancellationToken cancellationToken)
    {
        // A run's plan and settings never change for its id: load them once per process.
        Task<(ExecutionPlan, RunSettings)> load = _plans.GetOrAdd(Key(run.Scope.Value, run.RunId.Value), _ => _runner.LoadPlanAsync(run, cancellationToken));
        if (load.IsFaulted || load.IsCanceled)
        {
            _plans.TryRemove(new KeyValuePair<string, Task<(ExecutionPlan, RunSettings)>>(Key(run.Scope.Value, run.RunId.Value), load));
        }

        return load;
    }

    private async Task<RunGraph> GraphAsync(RunRecord run, ExecutionPlan plan, CancellationToken cancellationToken)
    {
        Dictionary<string, StageRecord> stages = await _runner.Store.LoadStagesAsync(run, cancellationToken).ConfigureAwait(false);
        var states = new Dictionary<string, NodeStatus>(StringComparer.Ordinal);
        foreach (PlanNode node in plan.Nodes)
        {
            states[node.Key] = stages.TryGetValue(node.Key, out StageRecord? s) ? s.Status : NodeStatus.Pending;
        }

        return new RunGraph(run.Scope.Value, run.RunId.Value, run.Attempt, run.Kind, plan.Graph, states, _runner.Options.FailFast, _retry);
    }
}
