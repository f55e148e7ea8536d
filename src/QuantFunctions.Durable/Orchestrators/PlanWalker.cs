using System.Globalization;
using Microsoft.DurableTask;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable.Orchestrators;

/// <summary>
/// Walks a plan inside an orchestration: asks the <see cref="Planner"/> (the local runner's own) which units are ready and
/// which are skipped, records skips through <see cref="DurableNames.SkipNodes"/>, starts every ready unit at once — a node
/// as one <see cref="DurableNames.ExecuteNode"/> activity, a sleeve as one <see cref="DurableNames.SleeveOrchestrator"/> —
/// and folds their outcomes back into the node states. Replay-safe: it does nothing but call the context and the pure planner.
/// </summary>
internal sealed class PlanWalker
{
    private readonly TaskOrchestrationContext _context;
    private readonly string _scope;
    private readonly string _runId;
    private readonly int _attempt;
    private readonly bool _failFast;
    private readonly TaskOptions _stepOptions;
    private readonly StepRetry _retry;
    private readonly Dictionary<string, NodeStatus> _states;
    private readonly Dictionary<string, string> _lost = new(StringComparer.Ordinal);

    public PlanWalker(TaskOrchestrationContext context, string scope, string runId, int attempt, IReadOnlyDictionary<string, NodeStatus> states, bool failFast, StepRetry retry)
    {
        _context = context;
        _scope = scope;
        _runId = runId;
        _attempt = attempt;
        _failFast = failFast;
        _retry = retry;
        _stepOptions = StepOptions(retry);
        _states = new Dictionary<string, NodeStatus>(states, StringComparer.Ordinal);
    }

    /// <summary>The node states so far.</summary>
    public IReadOnlyDictionary<string, NodeStatus> States => _states;

    /// <summary>Nodes whose step the engine gave up on, with the error.</summary>
    public IReadOnlyDictionary<string, string> Lost => _lost;

    /// <summary>The options of every step call: the Durable retry policy of <paramref name="retry"/>.</summary>
    public static TaskOptions StepOptions(StepRetry retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        return TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstInterval, backoffCoefficient: 2, maxRetryInterval: retry.MaxInterval));
    }

    /// <summary>Walks <paramref name="units"/> until nothing is ready or running.</summary>
    public async Task WalkAsync(UnitGraph units)
    {
        var running = new Dictionary<Task, string>();
        var runningUnits = new HashSet<string>(StringComparer.Ordinal);
        int total = _states.Count;

        // Bounded: every pass records a skip or folds a finished unit, and each unit is skipped or finishes once.
        int passes = (2 * units.Units.Nodes.Count) + 1;
        for (int pass = 0; pass < passes; pass++)
        {
            PlanDecision decision = Planner.Plan(units.Units, UnitStates(units, runningUnits), _failFast);
            if (decision.Skips.Count > 0)
            {
                await SkipAsync(units, decision.Skips);
                continue;
            }

            foreach (string unit in decision.Ready)
            {
                if (runningUnits.Add(unit))
                {
                    running.Add(Start(units, unit), unit);
                }
            }

            _context.SetCustomStatus(Progress(runningUnits, units, total));
            if (running.Count == 0)
            {
                return;
            }

            Task finished = await Task.WhenAny(running.Keys);
            string done = running[finished];
            running.Remove(finished);
            runningUnits.Remove(done);
            await FoldAsync(units, done, finished);
        }

        throw new InvalidOperationException($"the walk of run '{_runId}' did not finish within {passes} passes over {units.Units.Nodes.Count} units");
    }

    /// <summary>The run status the planner derives from the node states over the whole graph.</summary>
    public RunStatus Status(PlanGraph graph) => Planner.Plan(graph, _states, _failFast).Status;

    private Task Start(UnitGraph units, string unit)
    {
        string? sleeve = UnitGraph.GroupOf(unit);
        if (sleeve is null)
        {
            return _context.CallActivityAsync<NodeOutcome>(DurableNames.ExecuteNode, new NodeWork(_scope, _runId, _attempt, unit), _stepOptions);
        }

        List<string> members = units.Members[unit];
        var memberStates = new Dictionary<string, NodeStatus>(StringComparer.Ordinal);
        foreach (string key in members)
        {
            memberStates[key] = _states[key];
        }

        var work = new SleeveWork(_scope, _runId, _attempt, sleeve, Graph.Subgraph(sleeve), memberStates, _failFast, _retry);
        string instanceId = string.Create(CultureInfo.InvariantCulture, $"{_runId}:{sleeve}:{_attempt}");
        return _context.CallSubOrchestratorAsync<SleeveResult>(DurableNames.SleeveOrchestrator, work, new SubOrchestrationOptions { InstanceId = instanceId });
    }

    /// <summary>The node-level graph (set by the orchestrator before walking condensed units).</summary>
    public PlanGraph Graph { get; init; } = new([]);

    private async Task FoldAsync(UnitGraph units, string unit, Task finished)
    {
        string? sleeve = UnitGraph.GroupOf(unit);
        try
        {
            if (sleeve is null)
            {
                NodeOutcome outcome = await (Task<NodeOutcome>)finished;
                _states[unit] = outcome.Status;
                return;
            }

            SleeveResult result = await (Task<SleeveResult>)finished;
            foreach ((string key, NodeStatus status) in result.States)
            {
                _states[key] = status;
            }

            foreach ((string key, string error) in result.Lost)
            {
                _lost[key] = error;
            }
        }
        catch (TaskFailedException ex)
        {
            // The step kept throwing through its retries (or the sleeve orchestration failed): its unfinished nodes failed.
            string error = ex.FailureDetails?.ErrorMessage ?? ex.Message;
            foreach (string key in sleeve is null ? [unit] : units.Members[unit])
            {
                if (_states[key] is not (NodeStatus.Succeeded or NodeStatus.Failed or NodeStatus.Skipped or NodeStatus.Cancelled))
                {
                    _states[key] = NodeStatus.Failed;
                    _lost[key] = error;
                }
            }
        }
    }

    private async Task SkipAsync(UnitGraph units, IReadOnlyList<NodeSkip> unitSkips)
    {
        var skips = new List<NodeSkip>();
        foreach (NodeSkip skip in unitSkips)
        {
            IEnumerable<string> keys = UnitGraph.GroupOf(skip.Key) is null ? [skip.Key] : units.Members[skip.Key];
            foreach (string key in keys)
            {
                if (_states[key] is NodeStatus.Pending or NodeStatus.Running)
                {
                    skips.Add(InNodeTerms(units, skip) with { Key = key });
                }
            }
        }

        await _context.CallActivityAsync(DurableNames.SkipNodes, new NodeSkips(_scope, _runId, _attempt, skips), _stepOptions);
        foreach (NodeSkip skip in skips)
        {
            _states[skip.Key] = NodeStatus.Skipped;
        }
    }

    private string FirstFailed(UnitGraph units, string unit) =>
        units.Members[unit].Find(k => _states[k] == NodeStatus.Failed) ?? units.Members[unit][0];

    // The planner names units; the records name nodes: "dependency 'sleeve:b' failed" becomes
    // "dependency sleeve 'b' (node 's.select[b]') failed", caused by that node.
    private NodeSkip InNodeTerms(UnitGraph units, NodeSkip skip)
    {
        string cause = UnitGraph.GroupOf(skip.Cause) is null ? skip.Cause : FirstFailed(units, skip.Cause);
        string reason = skip.Reason;
        foreach (string unit in units.Members.Keys)
        {
            reason = reason.Replace($"'{unit}'", $"sleeve '{UnitGraph.GroupOf(unit)}' (node '{FirstFailed(units, unit)}')", StringComparison.Ordinal);
        }

        return skip with { Cause = cause, Reason = reason };
    }

    // A group is Running while its sleeve runs; else derived from its nodes: Succeeded when all succeeded, Failed or Cancelled
    // when one did, Pending while any node is still to do, Skipped otherwise.
    private Dictionary<string, NodeStatus> UnitStates(UnitGraph units, HashSet<string> running)
    {
        var states = new Dictionary<string, NodeStatus>(StringComparer.Ordinal);
        foreach (GraphNode unit in units.Units.Nodes)
        {
            if (running.Contains(unit.Key))
            {
                states[unit.Key] = NodeStatus.Running;
            }
            else if (UnitGraph.GroupOf(unit.Key) is null)
            {
                states[unit.Key] = _states[unit.Key];
            }
            else
            {
                List<NodeStatus> members = units.Members[unit.Key].ConvertAll(k => _states[k]);
                states[unit.Key] = members.TrueForAll(s => s == NodeStatus.Succeeded) ? NodeStatus.Succeeded
                    : members.Contains(NodeStatus.Failed) ? NodeStatus.Failed
                    : members.Contains(NodeStatus.Cancelled) ? NodeStatus.Cancelled
                    : members.Exists(s => s is NodeStatus.Pending or NodeStatus.Running) ? NodeStatus.Pending
                    : NodeStatus.Skipped;
            }
        }

        return states;
    }

    private RunProgress Progress(HashSet<string> running, UnitGraph units, int total)
    {
        int done = 0;
        var failed = new List<string>();
        foreach ((string key, NodeStatus status) in _states)
        {
            done += status is NodeStatus.Succeeded or NodeStatus.Failed or NodeStatus.Skipped or NodeStatus.Cancelled ? 1 : 0;
            if (status == NodeStatus.Failed)
            {
                failed.Add(key);
            }
        }

        List<string> active = [.. units.Units.Nodes.Select(n => n.Key).Where(running.Contains)];
        return new RunProgress(done, total, active, failed);
    }
}
