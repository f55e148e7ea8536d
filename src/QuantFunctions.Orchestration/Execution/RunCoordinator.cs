using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// Drives one execution of a run for the <see cref="LocalRunner"/>: applies the planner's decisions,
/// starts ready nodes up to the parallelism limit, records every transition, and completes the run.
/// Only this class mutates the run state, from one logical thread, so <c>run.json</c> writes never race.
/// </summary>
internal sealed class RunCoordinator(LocalRunner runner, RunState run, ExecutionPlan plan, AuditLedger ledger, string traceId, ActivityContext rootContext)
{
    private readonly Dictionary<string, NodeState> _states = plan.Nodes.ToDictionary(
        n => n.Key,
        n => run.Nodes.FirstOrDefault(s => s.Key == n.Key) ?? NodeState.Pending(n.Key, n.StageId),
        StringComparer.Ordinal);

    public RunState Run { get; private set; } = run;

    /// <summary>Records the start (or resume) in the ledger and, on resume, decides which nodes to redo.</summary>
    public async Task StartAsync(bool resume, CancellationToken cancellationToken)
    {
        await AuditAsync(resume ? "run.resumed" : "run.started", null, new JsonObject
        {
            ["pipeline"] = Run.PipelineId,
            ["version"] = Run.Version,
            ["scope"] = Run.Scope,
            ["kind"] = Run.Kind.ToString().ToLowerInvariant(),
            ["manifest_hash"] = Run.ManifestHash,
            ["parameters_hash"] = Run.ParametersHash,
            ["seed"] = Run.Seed,
            ["as_of"] = Run.AsOf.ToString("O", CultureInfo.InvariantCulture),
            ["overrides"] = AuditData.ToJson(Run.Overrides),
            ["nodes"] = plan.Nodes.Count,
        }, cancellationToken).ConfigureAwait(false);

        if (resume)
        {
            await PrepareResumeAsync(cancellationToken).ConfigureAwait(false);
        }

        await SaveRunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs until the planner says the run is complete; returns the final state.</summary>
    public async Task<RunState> DriveAsync(CancellationToken cancellationToken)
    {
        var running = new Dictionary<Task<NodeState>, string>();
        bool cancelled = false;
        PlanDecision decision;
        while (true)
        {
            decision = Planner.Plan(plan, Statuses(), runner.Options.FailFast);
            foreach (NodeSkip skip in decision.Skips)
            {
                await SkipAsync(skip, cancellationToken).ConfigureAwait(false);
            }

            if (!cancelled)
            {
                foreach (string key in decision.Ready)
                {
                    if (running.Count >= runner.Options.MaxParallelism)
                    {
                        break;
                    }

                    running.Add(await StartNodeAsync(plan.Get(key), cancellationToken).ConfigureAwait(false), key);
                }
            }

            if (running.Count == 0)
            {
                break;
            }

            Task<NodeState> finished = await Task.WhenAny(running.Keys).ConfigureAwait(false);
            string finishedKey = running[finished];
            running.Remove(finished);
            cancelled |= await CompleteNodeAsync(finished, finishedKey, cancellationToken).ConfigureAwait(false);
        }

        if (cancelled)
        {
            await CompleteRunAsync(decision with { Status = RunStatus.Failed }, "the run was cancelled", CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await CompleteRunAsync(decision, null, cancellationToken).ConfigureAwait(false);
        return Run;
    }

    private async Task<Task<NodeState>> StartNodeAsync(PlanNode node, CancellationToken cancellationToken)
    {
        _states[node.Key] = _states[node.Key] with { Status = NodeStatus.Running, StartedAt = runner.Time.GetUtcNow(), EndedAt = null, Failure = null, SkipReason = null };
        await SaveRunAsync(cancellationToken).ConfigureAwait(false);
        RunState snapshot = Run;
        return Task.Run(() => runner.Executor.ExecuteAsync(snapshot, node, ledger, rootContext, cancellationToken), CancellationToken.None);
    }

    /// <summary>Records a finished node; true when it ended because the run was cancelled.</summary>
    private async Task<bool> CompleteNodeAsync(Task<NodeState> finished, string key, CancellationToken cancellationToken)
    {
        bool cancelled = false;
        try
        {
            _states[key] = await finished.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            _states[key] = _states[key] with { Status = NodeStatus.Failed, EndedAt = runner.Time.GetUtcNow(), Failure = new NodeFailure(nameof(OperationCanceledException), "cancelled", false, false) };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Recording the node's state failed (e.g. the lake is unreachable): the node counts as failed.
            _states[key] = _states[key] with { Status = NodeStatus.Failed, EndedAt = runner.Time.GetUtcNow(), Failure = new NodeFailure(ex.GetType().FullName ?? ex.GetType().Name, ex.Message, TransientErrors.IsTransient(ex), false) };
        }

        await SaveRunAsync(cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
        return cancelled;
    }

    private async Task SkipAsync(NodeSkip skip, CancellationToken cancellationToken)
    {
        NodeState state = _states[skip.Key] with { Status = NodeStatus.Skipped, SkipReason = skip.Reason, StartedAt = null, EndedAt = null, TraceId = traceId };
        _states[skip.Key] = state;
        await runner.Store.SaveNodeAsync(Run, state, cancellationToken).ConfigureAwait(false);
        await AuditAsync("node.skipped", skip.Key, new JsonObject { ["stage"] = state.StageId, ["cause"] = skip.Cause, ["reason"] = skip.Reason }, cancellationToken).ConfigureAwait(false);
        await SaveRunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task CompleteRunAsync(PlanDecision decision, string? reason, CancellationToken cancellationToken)
    {
        RunStatus status = decision.Status == RunStatus.Succeeded ? RunStatus.Succeeded : RunStatus.Failed;
        List<NodeState> failed = [.. plan.Nodes.Select(n => _states[n.Key]).Where(s => s.Status == NodeStatus.Failed)];
        reason ??= status == RunStatus.Succeeded
            ? null
            : failed.Count > 0 ? $"node '{failed[0].Key}' failed: {failed[0].Failure?.Message}" : "the run did not complete";
        Run = Run with { Status = status, EndedAt = runner.Time.GetUtcNow(), FailureReason = reason };
        var data = new JsonObject
        {
            ["status"] = status.ToString().ToLowerInvariant(),
            ["succeeded"] = _states.Values.Count(s => s.Status == NodeStatus.Succeeded),
            ["failed"] = AuditData.ToJson(failed.Select(s => s.Key)),
            ["skipped"] = AuditData.ToJson(plan.Nodes.Where(n => _states[n.Key].Status == NodeStatus.Skipped).Select(n => n.Key)),
        };
        if (reason is not null)
        {
            data["reason"] = reason;
        }

        await AuditAsync(status == RunStatus.Succeeded ? "run.completed" : "run.failed", null, data, cancellationToken).ConfigureAwait(false);
        await SaveRunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PrepareResumeAsync(CancellationToken cancellationToken)
    {
        var redo = new HashSet<string>(StringComparer.Ordinal);
        foreach (PlanNode node in plan.Nodes)
        {
            NodeState state = _states[node.Key];
            if (state.Status != NodeStatus.Succeeded)
            {
                _states[node.Key] = state with { Status = NodeStatus.Pending, Failure = null, SkipReason = null };
                redo.Add(node.Key);
                continue;
            }

            string? upstream = node.DependsOn.FirstOrDefault(redo.Contains);
            IReadOnlyDictionary<string, string>? current = upstream is null ? await CurrentFingerprintsAsync(node, cancellationToken).ConfigureAwait(false) : null;
            bool changed = current is not null && !SameFingerprints(current, state.InputFingerprints);
            if (upstream is null && !changed)
            {
                await AuditAsync("node.reused", node.Key, new JsonObject
                {
                    ["stage"] = node.StageId,
                    ["input_fingerprints"] = AuditData.ToJson(state.InputFingerprints),
                    ["verified"] = current is not null,
                }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            string reason = upstream is not null ? $"dependency '{upstream}' is redone" : "its input fingerprints changed";
            _states[node.Key] = state with { Status = NodeStatus.Pending };
            redo.Add(node.Key);
            var data = new JsonObject { ["stage"] = node.StageId, ["reason"] = reason, ["recorded"] = AuditData.ToJson(state.InputFingerprints) };
            if (current is not null)
            {
                data["current"] = AuditData.ToJson(current);
            }

            await AuditAsync("node.invalidated", node.Key, data, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<IReadOnlyDictionary<string, string>?> CurrentFingerprintsAsync(PlanNode node, CancellationToken cancellationToken)
    {
        var context = runner.Executor.CreateContext(Run, node, ledger, runner.Executor.CreateLogger(node.StageId), traceId, _states[node.Key].Attempts);
        return runner.Executor.CreateStage(node.StageId).ComputeInputFingerprintsAsync(context, cancellationToken);
    }

    private static bool SameFingerprints(IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string> recorded) =>
        current.Count == recorded.Count && current.All(p => recorded.TryGetValue(p.Key, out string? v) && v == p.Value);

    private Dictionary<string, NodeStatus> Statuses() => _states.ToDictionary(p => p.Key, p => p.Value.Status, StringComparer.Ordinal);

    private async Task SaveRunAsync(CancellationToken cancellationToken)
    {
        Run = Run with { Nodes = plan.Nodes.Select(n => _states[n.Key]).ToList() };
        await runner.Store.SaveRunAsync(Run, cancellationToken).ConfigureAwait(false);
    }

    private Task<AuditEntry> AuditAsync(string kind, string? node, JsonObject data, CancellationToken cancellationToken) =>
        ledger.AppendAsync(new AuditEvent(kind, node, traceId, data), cancellationToken);
}
