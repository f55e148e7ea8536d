using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Queue;

/// <summary>
/// Runs pipelines on a storage queue: starting a run records it (as the <see cref="LocalRunner"/> does) and enqueues
/// its ready nodes as <see cref="NodeMessage"/>s; a worker runs one node per message through the shared
/// <see cref="NodeExecutor"/>, records its state and re-plans the run under a blob lease, enqueuing newly ready nodes
/// exactly once and completing or failing the run exactly once.
/// </summary>
/// <remarks>
/// Requires the blob lake (leases and lock blobs live in its container). At-least-once delivery is safe:
/// a node whose <c>stage.json</c> is Succeeded or Failed is not run again; a node claimed by a live worker (a
/// lease on its claim blob, renewed while it runs) is not run by a duplicate; audit events of a node execution carry
/// idempotency keys <c>{scope}/{run}/{node}/{attempt}/…</c>; each ready node is enqueued once per attempt,
/// guarded by a create-only marker <c>_meta/{scope}/runs/{run}/queue/{node}.{attempt}</c> written before the send and a
/// confirmation <c>…/queue/{node}.{attempt}.sent</c> written after it; a re-plan re-sends a marker without confirmation.
/// </remarks>
public sealed class QueueRunner
{
    /// <summary>The error code of a node whose message was poisoned (<see cref="FailPoisonedNodeAsync"/>).</summary>
    public const string PoisonedCode = "poisoned";

    private readonly LocalRunner _runner;
    private readonly BlobContainerClient _container;
    private readonly ILogger _logger;
    private readonly QueueRunCache _cache;

    /// <summary>Creates the runner.</summary>
    /// <param name="runner">The local runner whose executor, run store and plan loading are shared.</param>
    /// <param name="container">The blob container of the lake (for leases).</param>
    /// <param name="queue">The node queue (base64 messages).</param>
    /// <param name="options">Queue options.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Invalid options.</exception>
    public QueueRunner(LocalRunner runner, BlobContainerClient container, StorageQueueClient queue, QueueRunnerOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _runner = runner;
        _container = container;
        Queue = queue;
        Options = options.Validate();
        _logger = loggerFactory.CreateLogger<QueueRunner>();
        _cache = new QueueRunCache(runner);
    }

    /// <summary>The node queue.</summary>
    public StorageQueueClient Queue { get; }

    /// <summary>The validated options.</summary>
    public QueueRunnerOptions Options { get; }

    /// <summary>
    /// Starts a run on the queue: records <c>run.json</c> and <c>run.started</c> and enqueues the ready nodes. A run id
    /// that exists with the same inputs is re-planned instead (re-sending nothing already enqueued). Returns <c>run.json</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run id exists with different inputs.</exception>
    public async Task<RunRecord> StartAsync(RunRequest request, CancellationToken cancellationToken = default)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        (ExecutionPlan plan, RunRecord run, RunSettings settings, bool exists) = await _runner.PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        using Activity? root = _runner.Telemetry.ActivitySource.StartActivity($"run {run.Scope}/{run.PipelineId}", ActivityKind.Producer);
        root?.SetTag("qf.run_id", run.RunId.Value).SetTag("qf.scope", run.Scope.Value).SetTag("qf.pipeline", run.PipelineId.Value).SetTag("qf.runner", "queue");
        string traceParent = TraceParentOf(root);
        if (!exists)
        {
            using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
            var coordinator = new RunCoordinator(_runner, run, settings, plan, new Dictionary<string, StageRecord>(), ledger, TraceIdOf(traceParent), default);
            await coordinator.StartAsync(resume: false, cancellationToken).ConfigureAwait(false);
        }

        await ReplanAsync(run.Scope.Value, run.RunId.Value, traceParent, cancellationToken).ConfigureAwait(false);
        return await _runner.Store.TryLoadAsync(run.Scope.Value, run.RunId.Value, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"run.json of run '{run.RunId}' disappeared.");
    }

    /// <summary>
    /// Handles one node message: runs the node unless it already completed or another worker holds its claim, records
    /// its state and re-plans the run. <paramref name="heartbeat"/> is called every <see cref="QueueRunnerOptions.HeartbeatInterval"/>
    /// while the node runs (a worker extends the message's visibility there).
    /// </summary>
    /// <exception cref="KeyNotFoundException">The run or node does not exist.</exception>
    public async Task<NodeOutcome> ProcessAsync(NodeMessage message, Func<CancellationToken, Task>? heartbeat = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        RunRecord run = await _runner.Store.TryLoadAsync(message.Scope, message.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No run '{message.RunId}' in scope '{message.Scope}' for queued node '{message.Node}'.");
        if (message.Attempt != run.Attempt)
        {
            _logger.LogInformation("Node {Node} of run {RunId}: message of attempt {Attempt} is stale (the run is at attempt {RunAttempt})", message.Node, message.RunId, message.Attempt, run.Attempt);
            return NodeOutcome.Stale;
        }

        if (run.Status.IsFinished())
        {
            return NodeOutcome.RunFinished;
        }

        (ExecutionPlan plan, RunSettings settings) = await _cache.PlanAsync(run, cancellationToken).ConfigureAwait(false);
        PlanNode node = plan.Get(message.Node);
        NodeKey key = NodeKey.Parse(message.Node);
        if (await IsCompletedAsync(run, key, cancellationToken).ConfigureAwait(false))
        {
            await ReplanAsync(message.Scope, message.RunId, message.TraceParent, cancellationToken).ConfigureAwait(false);
            return NodeOutcome.AlreadyCompleted;
        }

        // One claim per node across run attempts: a worker of an earlier attempt still running the node blocks this one.
        await using BlobLease? claim = await BlobLease.TryAcquireAsync(_container, LockBlob(message, key.ToPathSegment()), Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (claim is null)
        {
            _logger.LogInformation("Node {Node} of run {RunId} is claimed by another worker; duplicate delivery ignored", message.Node, message.RunId);
            return NodeOutcome.ClaimedElsewhere;
        }

        // The claim is ours: a worker that held it before either completed the node (re-check) or died mid-node (run it again).
        if (await IsCompletedAsync(run, key, cancellationToken).ConfigureAwait(false))
        {
            await ReplanAsync(message.Scope, message.RunId, message.TraceParent, cancellationToken).ConfigureAwait(false);
            return NodeOutcome.AlreadyCompleted;
        }

        int previousAttempts = NodeRecords.AttemptsOf(run, key);
        await _runner.Store.Records.WriteStageAsync(
            NodeRecords.Create(run, node, NodeStatus.Running, previousAttempts) with { StartedAt = _runner.Time.GetUtcNow() }, cancellationToken: cancellationToken).ConfigureAwait(false);

        // run.json shows the node Running from the next re-plan on (by any worker); not re-planning here halves the storage calls per node.
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task beating = HeartbeatAsync(claim, heartbeat, beat.Token);
        try
        {
            using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
            var keyed = new IdempotentAuditLedger(ledger, message.Key);
            await _runner.Executor.ExecuteAsync(run, settings, node, previousAttempts, keyed, message.ParentContext(), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await beat.CancelAsync().ConfigureAwait(false);
            await beating.ConfigureAwait(false);
        }

        await ReplanAsync(message.Scope, message.RunId, message.TraceParent, cancellationToken).ConfigureAwait(false);
        return NodeOutcome.Executed;
    }

    /// <summary>
    /// Re-plans a run under its lease: records skips, enqueues ready nodes not yet enqueued (create-only marker, then
    /// send) and completes the run once the planner says it is over. Safe to call at any time, from any worker.
    /// </summary>
    public async Task ReplanAsync(string scope, string runId, string? traceParent, CancellationToken cancellationToken = default)
    {
        (BlobLease lease, RunRecord run) = await LockRunAsync(scope, runId, cancellationToken).ConfigureAwait(false);
        await using BlobLease held = lease;
        if (run.Status.IsFinished())
        {
            return;
        }

        using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
        RunCoordinator coordinator = await CoordinatorAsync(run, ledger, TraceIdOf(traceParent), cancellationToken).ConfigureAwait(false);
        PlanDecision decision = await coordinator.StepAsync(cancellationToken).ConfigureAwait(false);
        foreach (string ready in decision.Ready)
        {
            await EnqueueOnceAsync(new NodeMessage { RunId = runId, Scope = scope, Node = ready, Attempt = run.Attempt, TraceParent = traceParent }, cancellationToken).ConfigureAwait(false);
        }

        if (coordinator.Run.Status.IsFinished())
        {
            _logger.LogInformation("Run {RunId} of {Scope}/{Pipeline} {Status} (queue)", run.RunId, run.Scope, run.PipelineId, coordinator.Run.Status);
        }
    }

    /// <summary>
    /// Records a node whose message was poisoned as Failed (code <see cref="PoisonedCode"/>, the error as message) unless it
    /// completed, appends <c>node.failed</c> once, and re-plans, so the run fails (fail-fast) instead of staying Running.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The run or node does not exist.</exception>
    public async Task FailPoisonedNodeAsync(NodeMessage message, string error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        RunRecord run = await _runner.Store.TryLoadAsync(message.Scope, message.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No run '{message.RunId}' in scope '{message.Scope}' for poisoned node '{message.Node}'.");
        if (message.Attempt != run.Attempt)
        {
            _logger.LogWarning("Poisoned message of node {Node}, run {RunId}, is of attempt {Attempt} (the run is at {RunAttempt}): not recorded against the current attempt", message.Node, message.RunId, message.Attempt, run.Attempt);
            return;
        }

        NodeKey key = NodeKey.Parse(message.Node);
        if (!run.Status.IsFinished() && !await IsCompletedAsync(run, key, cancellationToken).ConfigureAwait(false))
        {
            (ExecutionPlan plan, _) = await _cache.PlanAsync(run, cancellationToken).ConfigureAwait(false);
            PlanNode node = plan.Get(message.Node);
            int attempts = NodeRecords.AttemptsOf(run, key);
            StageRecord record = NodeRecords.Create(run, node, NodeStatus.Failed, attempts) with
            {
                Error = new NodeError("poison", error, PoisonedCode),
                CompletedAt = _runner.Time.GetUtcNow(),
            };
            await _runner.Store.Records.WriteStageAsync(record, cancellationToken: cancellationToken).ConfigureAwait(false);
            using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
            var data = new System.Text.Json.Nodes.JsonObject { ["stage"] = node.StageId, ["error_type"] = "poison", ["message"] = error, ["code"] = PoisonedCode };
            await ledger.AppendAsync(new AuditEvent("node.failed", message.Node, TraceIdOf(message.TraceParent), data, $"{message.Key}/poisoned"), cancellationToken).ConfigureAwait(false);
        }

        await ReplanAsync(message.Scope, message.RunId, message.TraceParent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resumes a run on the queue (after a failure, a cancellation, or workers that died with the run still Running):
    /// under the run lease, starts attempt <see cref="RunRecord.Attempt"/> + 1 — <c>run.resumed</c>, Failed, Skipped,
    /// Cancelled and Running nodes reset to Pending (<c>stage.json</c> too), Succeeded nodes kept unless their input
    /// fingerprints changed — then re-plans, enqueuing the ready nodes as messages of the new attempt. Messages of
    /// earlier attempts still in the queue are stale and dropped by workers. Returns <c>run.json</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    public async Task<RunRecord> ResumeAsync(string scope, string runId, CancellationToken cancellationToken = default)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        using Activity? root = _runner.Telemetry.ActivitySource.StartActivity($"resume {scope}/{runId}", ActivityKind.Producer);
        root?.SetTag("qf.run_id", runId).SetTag("qf.scope", scope).SetTag("qf.runner", "queue").SetTag("qf.resume", true);
        string traceParent = TraceParentOf(root);
        (BlobLease lease, RunRecord run) = await LockRunAsync(scope, runId, cancellationToken).ConfigureAwait(false);
        await using (lease)
        {
            using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
            RunCoordinator coordinator = await CoordinatorAsync(run, ledger, TraceIdOf(traceParent), cancellationToken).ConfigureAwait(false);
            await coordinator.StartAsync(resume: true, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("Run {RunId} of {Scope} resumed on the queue (attempt {Attempt})", runId, scope, coordinator.Run.Attempt);
        }

        await ReplanAsync(scope, runId, traceParent, cancellationToken).ConfigureAwait(false);
        return await _runner.Store.TryLoadAsync(scope, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"run.json of run '{runId}' disappeared.");
    }

    /// <summary>
    /// Cancels a run on the queue: under the run lease, records it Cancelled with <paramref name="reason"/>
    /// (<c>run.cancelled</c>) unless it already finished. Workers then drop its messages; a node already running
    /// finishes and is recorded. <see cref="ResumeAsync"/> continues a cancelled run. Returns <c>run.json</c>.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    public async Task<RunRecord> CancelAsync(string scope, string runId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        (BlobLease lease, RunRecord run) = await LockRunAsync(scope, runId, cancellationToken).ConfigureAwait(false);
        await using (lease)
        {
            if (!run.Status.IsFinished())
            {
                using var ledger = AuditLedger.ForRun(_runner.Lake, run.Scope, run.RunId);
                RunCoordinator coordinator = await CoordinatorAsync(run, ledger, TraceIdOf(null), cancellationToken).ConfigureAwait(false);
                await coordinator.CancelAsync(reason, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Run {RunId} of {Scope} cancelled on the queue: {Reason}", runId, scope, reason);
            }
        }

        return await _runner.Store.TryLoadAsync(scope, runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"run.json of run '{runId}' disappeared.");
    }

    private async Task EnqueueOnceAsync(NodeMessage message, CancellationToken cancellationToken)
    {
        LakePath folder = LakePathResolver.RunFolder(LakeIdentifier.Parse(message.Scope, "scope"), RunId.Parse(message.RunId));
        string name = $"queue/{NodeKey.Parse(message.Node).ToPathSegment()}.{message.Attempt.ToString(CultureInfo.InvariantCulture)}";
        LakePath marker = folder.Append(name);
        LakePath sent = folder.Append(name + ".sent");
        try
        {
            await _runner.Lake.WriteAsync(marker, System.Text.Encoding.UTF8.GetBytes(message.ToJson()), LakeWriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeConflictException)
        {
            if (await _runner.Lake.GetInfoAsync(sent, cancellationToken).ConfigureAwait(false) is not null)
            {
                return; // Already enqueued (and sent) for this attempt.
            }

            // The marker exists but the send was never confirmed (a crash between the two): send again. A duplicate of a
            // message that did go out is harmless (the node is claimed and its completion checked before it runs).
            _logger.LogWarning("Re-sending node {Node} of run {RunId} (attempt {Attempt}): its enqueue marker has no send confirmation", message.Node, message.RunId, message.Attempt);
        }

        await Queue.SendMessageAsync(message.ToJson(), cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await _runner.Lake.WriteAsync(sent, ReadOnlyMemory<byte>.Empty, LakeWriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (LakeConflictException)
        {
            // A concurrent re-planner confirmed the same send.
        }
    }

    private async Task<bool> IsCompletedAsync(RunRecord run, NodeKey key, CancellationToken cancellationToken)
    {
        Versioned<StageRecord>? stage = await _runner.Store.Records.ReadStageAsync(run.Scope, run.RunId, key, cancellationToken).ConfigureAwait(false);
        return stage?.Value.Status is NodeStatus.Succeeded or NodeStatus.Failed or NodeStatus.Skipped;
    }

    private async Task HeartbeatAsync(BlobLease claim, Func<CancellationToken, Task>? heartbeat, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Options.HeartbeatInterval, _runner.Time, cancellationToken).ConfigureAwait(false);
                await claim.RenewAsync(cancellationToken).ConfigureAwait(false);
                if (heartbeat is not null)
                {
                    await heartbeat(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The node finished.
        }
        catch (AzureStorageException ex)
        {
            _logger.LogWarning(ex, "Heartbeat failed; the node keeps running, a duplicate delivery may start it elsewhere");
        }
    }

    /// <summary>Takes the run lease (a run that does not exist fails first, leaving no lock blob) and reads <c>run.json</c> under it.</summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    private async Task<(BlobLease Lease, RunRecord Run)> LockRunAsync(string scope, string runId, CancellationToken cancellationToken)
    {
        _ = await _runner.Store.LoadAsync(scope, runId, cancellationToken).ConfigureAwait(false);
        BlobLease lease = await BlobLease.AcquireAsync(_container, LockBlob(scope, runId, "run"), Options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        try
        {
            return (lease, await _runner.Store.LoadAsync(scope, runId, cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A coordinator for one run-level step under the run lease: the worker's cached plan, settings and stage records; idempotent ledger events.</summary>
    private async Task<RunCoordinator> CoordinatorAsync(RunRecord run, AuditLedger ledger, string traceId, CancellationToken cancellationToken)
    {
        (ExecutionPlan plan, RunSettings settings) = await _cache.PlanAsync(run, cancellationToken).ConfigureAwait(false);
        Dictionary<string, StageRecord> stages = await _cache.StagesAsync(run, cancellationToken).ConfigureAwait(false);
        return new RunCoordinator(_runner, run, settings, plan, stages, ledger, traceId, default, idempotentEvents: true);
    }

    /// <summary>The W3C trace context of <paramref name="root"/>, or a fresh one when tracing is off.</summary>
    private static string TraceParentOf(Activity? root) =>
        root?.Id ?? $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-00";

    /// <summary>The trace id of a W3C trace context; a fresh one when there is none or it does not parse.</summary>
    private static string TraceIdOf(string? traceParent) =>
        ActivityContext.TryParse(traceParent, null, out ActivityContext context) ? context.TraceId.ToHexString() : ActivityTraceId.CreateRandom().ToHexString();

    private static string LockBlob(NodeMessage message, string name) => LockBlob(message.Scope, message.RunId, name);

    private static string LockBlob(string scope, string runId, string name) => $"_locks/{scope}/{runId}/{name}";
}
