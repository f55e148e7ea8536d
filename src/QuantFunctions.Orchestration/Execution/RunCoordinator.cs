using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// Drives one execution of a run for the <see cref="LocalRunner"/>: applies the planner's decisions,
/// starts ready nodes up to the parallelism limit, records every transition, and completes the run.
/// Only this class mutates the run record, from one logical thread, so <c>run.json</c> writes never race (node
/// transitions are written behind, one write at a time, folding those that arrive during a write into the next).
/// The Durable engine's steps (<see cref="Steps.RunSteps"/>) use it for a run's start and end, with
/// <paramref name="eventKeyPrefix"/> set: its ledger events then carry the key <c>{prefix}/{kind}/{node}</c>, so a
/// re-delivered step appends nothing twice.
/// </summary>
internal sealed class RunCoordinator(
    LocalRunner runner, RunRecord run, RunSettings settings, ExecutionPlan plan, IReadOnlyDictionary<string, StageRecord> recorded, AuditLedger ledger, string traceId, ActivityContext rootContext, string? eventKeyPrefix = null)
{
    /// <summary>The kind of the audit event that starts a run (and records its settings).</summary>
    public const string RunStarted = "run.started";

    private readonly Dictionary<string, StageRecord> _records = plan.Nodes.ToDictionary(
        n => n.Key,
        n => recorded.TryGetValue(n.Key, out StageRecord? r) ? r : NodeRecords.Create(run, n, NodeStatus.Pending, 0),
        StringComparer.Ordinal);

    // The run.json write under way (SaveRunBehindAsync), and whether a newer state waits for it.
    private Task _write = Task.CompletedTask;
    private bool _stale;

    public RunRecord Run { get; private set; } = run;

    /// <summary>The current node states, by key.</summary>
    public IReadOnlyDictionary<string, StageRecord> Records => _records;

    /// <summary>Completes the run with <paramref name="status"/> (and a reason when it did not succeed); a finished run is left as it is.</summary>
    public async Task CompleteAsync(RunStatus status, string? reason, CancellationToken cancellationToken)
    {
        if (!Run.Status.IsFinished())
        {
            await CompleteRunAsync(status, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Marks the run Running (a resume as its next attempt), records the start (or resume) in the ledger and, on resume,
    /// decides which nodes to redo.
    /// </summary>
    public async Task StartAsync(bool resume, CancellationToken cancellationToken)
    {
        Run = Run with { Status = RunStatus.Running, Attempt = resume ? Run.Attempt + 1 : Run.Attempt, StartedAt = runner.Time.GetUtcNow(), CompletedAt = null, Error = null };
        var data = new JsonObject
        {
            ["pipeline"] = Run.PipelineId.Value,
            ["version"] = Run.PipelineVersion.ToString(),
            ["scope"] = Run.Scope.Value,
            ["kind"] = Run.Kind.ToString().ToLowerInvariant(),
            ["manifest_hash"] = Run.ManifestHash,
            ["params_hash"] = Run.ParamsHash,
            ["nodes"] = plan.Nodes.Count,
        };
        settings.WriteTo(data);
        await AuditAsync(resume ? "run.resumed" : RunStarted, null, data, cancellationToken).ConfigureAwait(false);
        if (resume)
        {
            await PrepareResumeAsync(cancellationToken).ConfigureAwait(false);
        }

        await SaveRunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs until the planner says the run is complete; returns the final record.</summary>
    /// <exception cref="OperationCanceledException">The run was cancelled (and recorded as such).</exception>
    public async Task<RunRecord> DriveAsync(CancellationToken cancellationToken)
    {
        var running = new Dictionary<Task<StageRecord>, string>();
        PlanDecision decision;
        while (true)
        {
            decision = Planner.Plan(plan, Statuses(), runner.Options.FailFast);
            foreach (NodeSkip skip in decision.Skips)
            {
                await SkipAsync(skip, Bookkeeping(cancellationToken)).ConfigureAwait(false);
            }

            foreach (string key in cancellationToken.IsCancellationRequested ? [] : decision.Ready)
            {
                if (running.Count >= runner.Options.MaxParallelism)
                {
                    break;
                }

                running.Add(await StartNodeAsync(plan.Get(key), cancellationToken).ConfigureAwait(false), key);
            }

            if (running.Count == 0)
            {
                break;
            }

            Task done = await Task.WhenAny(_stale ? [.. running.Keys, _write] : running.Keys).ConfigureAwait(false);
            if (done is Task<StageRecord> finished && running.Remove(finished, out string? finishedKey))
            {
                await CompleteNodeAsync(finished, finishedKey, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SaveRunBehindAsync(Bookkeeping(cancellationToken)).ConfigureAwait(false);
            }
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await CompleteRunAsync(RunStatus.Cancelled, "the run was cancelled", CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await CompleteRunAsync(decision.Status == RunStatus.Succeeded ? RunStatus.Succeeded : decision.Status == RunStatus.Cancelled ? RunStatus.Cancelled : RunStatus.Failed, null, cancellationToken).ConfigureAwait(false);
        return Run;
    }

    private async Task<Task<StageRecord>> StartNodeAsync(PlanNode node, CancellationToken cancellationToken)
    {
        StageRecord previous = _records[node.Key];
        _records[node.Key] = previous with { Status = NodeStatus.Running, StartedAt = runner.Time.GetUtcNow(), CompletedAt = null, Error = null };
        await SaveRunBehindAsync(cancellationToken).ConfigureAwait(false);
        RunRecord snapshot = Run;
        return Task.Run(() => runner.Executor.ExecuteAsync(snapshot, settings, node, previous.Attempts, ledger, rootContext, cancellationToken), CancellationToken.None);
    }

    private async Task CompleteNodeAsync(Task<StageRecord> finished, string key, CancellationToken cancellationToken)
    {
        try
        {
            _records[key] = await finished.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _records[key] = _records[key] with { Status = NodeStatus.Cancelled, CompletedAt = runner.Time.GetUtcNow(), Error = new NodeError(nameof(OperationCanceledException), "cancelled", NodeErrorCodes.Cancelled) };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Recording the node's state failed (e.g. the lake is unreachable): the node counts as failed.
            _records[key] = _records[key] with { Status = NodeStatus.Failed, CompletedAt = runner.Time.GetUtcNow(), Error = new NodeError(ex.GetType().FullName ?? ex.GetType().Name, ex.Message, ErrorCodes.Of(ex)?.Value) };
        }

        await SaveRunBehindAsync(Bookkeeping(cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Records are still written once the run is cancelled, so it ends in a consistent, resumable state.</summary>
    private static CancellationToken Bookkeeping(CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken;

    private async Task SkipAsync(NodeSkip skip, CancellationToken cancellationToken)
    {
        StageRecord record = NodeRecords.Skipped(_records[skip.Key], skip);
        _records[skip.Key] = record;
        await runner.Store.Records.WriteStageAsync(record, cancellationToken: cancellationToken).ConfigureAwait(false);
        await AuditAsync("node.skipped", skip.Key, NodeRecords.SkipData(record, skip), cancellationToken).ConfigureAwait(false);
        await SaveRunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteRunAsync(RunStatus status, string? reason, CancellationToken cancellationToken)
    {
        List<StageRecord> failed = [.. plan.Nodes.Select(n => _records[n.Key]).Where(r => r.Status == NodeStatus.Failed)];
        reason ??= status == RunStatus.Succeeded
            ? null
            : failed.Count > 0 ? $"node '{failed[0].Node}' failed: {failed[0].Error?.Message}" : "the run did not complete";
        var data = new JsonObject
        {
            ["status"] = status.ToString().ToLowerInvariant(),
            ["succeeded"] = _records.Values.Count(r => r.Status == NodeStatus.Succeeded),
            ["failed"] = AuditData.ToJson(failed.Select(r => r.Node.Value)),
            ["skipped"] = AuditData.ToJson(plan.Nodes.Where(n => _records[n.Key].Status == NodeStatus.Skipped).Select(n => n.Key)),
        };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        if (status == RunStatus.Succeeded && Run.Kind == PipelineKind.Data && await PublishHandoffAsync(cancellationToken).ConfigureAwait(false) is string published)
        {
            data["handoff"] = published;
        }

        await AuditAsync(status == RunStatus.Succeeded ? "run.completed" : "run." + status.ToString().ToLowerInvariant(), null, data, cancellationToken).ConfigureAwait(false);
        Run = Run with
        {
            Status = status,
            CompletedAt = runner.Time.GetUtcNow(),
            Error = reason is null ? null : new NodeError("run", reason, failed.Count > 0 ? "node_failed" : status.ToString().ToLowerInvariant()),
            AuditHead = await ledger.GetHeadAsync(cancellationToken).ConfigureAwait(false),
        };
        await SaveRunAsync(cancellationToken).ConfigureAwait(false);
        byte[] index = Encoding.UTF8.GetBytes(RunIndex.Render(Run, settings, plan, _records));
        await runner.Lake.WriteAsync(LakePathResolver.RunIndex(Run.Scope, Run.RunId), index, LakeWriteMode.Overwrite, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes the succeeded data run as its pipeline's hand-off (<see cref="DataHandoffStore"/>) and audits it; keeps a
    /// published hand-off with a later as-of (a resumed older run never replaces newer data). Returns the path when published.
    /// </summary>
    private async Task<string?> PublishHandoffAsync(CancellationToken cancellationToken)
    {
        string path = LakePathResolver.PipelineLatest(Run.Scope, Run.PipelineId).Value;
        DataHandoff? current = await DataHandoffStore.ReadAsync(runner.Lake, Run.Scope, Run.PipelineId, cancellationToken).ConfigureAwait(false);
        if (current is not null && current.AsOf > settings.AsOf && current.RunId != Run.RunId.Value)
        {
            await AuditAsync("handoff.kept", null, new JsonObject
            {
                ["path"] = path,
                ["published_run"] = current.RunId,
                ["reason"] = $"the published run's as-of {current.AsOf:O} is later than this run's {settings.AsOf:O}",
            }, cancellationToken).ConfigureAwait(false);
            return null;
        }

        DataHandoff handoff = await DataHandoffStore.PublishAsync(runner.Lake, Run with { Status = RunStatus.Succeeded }, settings.AsOf, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the hand-off of data run '{Run.RunId}' was not published");
        await AuditAsync("handoff.published", null, new JsonObject
        {
            ["path"] = path,
            ["as_of"] = handoff.AsOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["fingerprints"] = AuditData.ToJson(handoff.Fingerprints),
        }, cancellationToken).ConfigureAwait(false);
        return path;
    }

    private async Task PrepareResumeAsync(CancellationToken cancellationToken)
    {
        var redo = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlanNode node in plan.Nodes)
        {
            StageRecord record = _records[node.Key];
            if (record.Status != NodeStatus.Succeeded)
            {
                await ResetAsync(node.Key, record with { Status = NodeStatus.Pending, Error = null, StartedAt = null, CompletedAt = null }, cancellationToken).ConfigureAwait(false);
                redo.Add(node.Key);
                continue;
            }

            string? upstream = node.DependsOn.FirstOrDefault(redo.Contains);
            string? current = upstream is null ? await CurrentFingerprintAsync(node, record, cancellationToken).ConfigureAwait(false) : null;
            bool changed = current is not null && current != record.InputFingerprint;
            if (upstream is null && !changed)
            {
                await AuditAsync("node.reused", node.Key, new JsonObject
                {
                    ["stage"] = node.StageId,
                    ["input_fingerprint"] = record.InputFingerprint,
                    ["verified"] = current is not null,
                }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            string reason = upstream is not null ? $"dependency '{upstream}' is redone" : "its input fingerprint changed";
            await ResetAsync(node.Key, record with { Status = NodeStatus.Pending, StartedAt = null, CompletedAt = null }, cancellationToken).ConfigureAwait(false);
            redo.Add(node.Key);
            await AuditAsync("node.invalidated", node.Key, new JsonObject
            {
                ["stage"] = node.StageId,
                ["reason"] = reason,
                ["recorded"] = record.InputFingerprint,
                ["current"] = current,
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Resets a node to Pending for a resume, in <c>stage.json</c> too (when one was written): the queue runner treats a
    /// node whose <c>stage.json</c> is finished as done, and a reader never sees the previous attempt's outcome as current.
    /// </summary>
    private async Task ResetAsync(string key, StageRecord pending, CancellationToken cancellationToken)
    {
        NodeStatus previous = _records[key].Status;
        _records[key] = pending;
        if (previous != NodeStatus.Pending)
        {
            await runner.Store.Records.WriteStageAsync(pending, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The node's input fingerprint now (with the run's current parameters), or null when the stage cannot tell.</summary>
    private async Task<string?> CurrentFingerprintAsync(PlanNode node, StageRecord record, CancellationToken cancellationToken)
    {
        var context = runner.Executor.CreateContext(Run, settings, node, ledger, runner.Executor.CreateLogger(node.StageId), traceId, record.Attempts);
        IReadOnlyList<InputFingerprint>? inputs = await runner.Executor.CreateStage(node.StageId).ComputeInputFingerprintsAsync(context, cancellationToken).ConfigureAwait(false);
        return inputs is null ? null : Hashes.NodeInputFingerprint(inputs, Hashes.Sha256(node.ParametersJson));
    }

    private Dictionary<string, NodeStatus> Statuses() => _records.ToDictionary(p => p.Key, p => p.Value.Status, StringComparer.Ordinal);

    /// <summary>Records the current state in <c>run.json</c> now (after any write still under way).</summary>
    private async Task SaveRunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _write.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A node-transition write cut short by the run's cancellation: the state written below supersedes it.
        }

        _stale = false;
        Snapshot();
        await runner.Store.Records.WriteRunAsync(Run, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a node transition in <c>run.json</c> without waiting for the write: when no write is under way one starts
    /// with the current state; otherwise the state is marked stale and <see cref="DriveAsync"/> writes the newest state once
    /// that write ends. So transitions that come faster than <c>run.json</c> (1,000+ nodes) can be written fold into one
    /// write instead of costing a rewrite each, and the writes never race: one at a time, each of a newer state, the
    /// run's completion last. A failed write surfaces at the next transition.
    /// </summary>
    private async Task SaveRunBehindAsync(CancellationToken cancellationToken)
    {
        // The record in memory is always current (the executor's snapshot and the hand-off read it); only its write lags.
        Snapshot();
        if (!_write.IsCompleted)
        {
            _stale = true;
            return;
        }

        await _write.ConfigureAwait(false);
        _stale = false;
        _write = runner.Store.Records.WriteRunAsync(Run, cancellationToken: cancellationToken);
    }

    private void Snapshot()
    {
        List<StageRecord> ordered = [.. plan.Nodes.Select(n => _records[n.Key])];
        Run = Run with
        {
            Nodes = ordered.ConvertAll(NodeRecords.ToNodeState),
            Inputs = [.. ordered.SelectMany(r => r.Inputs).DistinctBy(i => (i.Name, i.Fingerprint.Hash))],
            Outputs = [.. ordered.SelectMany(r => r.Outputs).DistinctBy(o => o.Path)],
        };
    }

    private Task<AuditEntry> AuditAsync(string kind, string? node, JsonObject data, CancellationToken cancellationToken) =>
        ledger.AppendAsync(new AuditEvent(kind, node, traceId, data, eventKeyPrefix is null ? null : $"{eventKeyPrefix}/{kind}/{node}"), cancellationToken);
}
