using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Planning;

/// <summary>
/// The planner: a pure function of a plan's graph and the recorded node states to the nodes ready to
/// run, the nodes to skip and the run status. Both engines — the local runner and the Durable orchestrators —
/// execute only what it says; nothing else decides it.
/// </summary>
/// <remarks>
/// Rules: a pending node is ready when all its dependencies succeeded; it is skipped when any
/// dependency failed, was cancelled or was skipped (so a failure skips all transitive dependents);
/// with <c>failFast</c>, once any node has failed no node is ready and every pending node is skipped.
/// The run is Succeeded when all nodes succeeded; once no node is running or ready it is Failed when a
/// node failed, else Cancelled when a node was cancelled; Pending when nothing has started, else
/// Running. Missing states count as Pending.
/// </remarks>
public static class Planner
{
    /// <summary>Plans the next step of a run.</summary>
    public static PlanDecision Plan(ExecutionPlan plan, IReadOnlyDictionary<string, NodeStatus> states, bool failFast = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Plan(plan.Graph, states, failFast);
    }

    /// <summary>Plans the next step of a run from its graph (what a Durable orchestrator holds).</summary>
    public static PlanDecision Plan(PlanGraph plan, IReadOnlyDictionary<string, NodeStatus> states, bool failFast = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(states);
        var effective = new Dictionary<string, NodeStatus>(StringComparer.Ordinal);
        string? firstFailure = null;
        foreach (GraphNode node in plan.Nodes)
        {
            NodeStatus status = states.TryGetValue(node.Key, out NodeStatus s) ? s : NodeStatus.Pending;
            effective[node.Key] = status;
            firstFailure ??= status == NodeStatus.Failed ? node.Key : null;
        }

        var ready = new List<string>();
        var skips = new List<NodeSkip>();
        var causes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GraphNode node in plan.Nodes)
        {
            if (effective[node.Key] != NodeStatus.Pending)
            {
                continue;
            }

            string? blocked = null;
            bool allSucceeded = true;
            foreach (string dependency in node.DependsOn)
            {
                NodeStatus d = effective[dependency];
                blocked ??= d is NodeStatus.Failed or NodeStatus.Skipped or NodeStatus.Cancelled ? dependency : null;
                allSucceeded &= d == NodeStatus.Succeeded;
            }

            // Plan order is topological, so a skip decided here is seen by later dependents.
            if (blocked is not null)
            {
                string verb = effective[blocked] switch
                {
                    NodeStatus.Failed => "failed",
                    NodeStatus.Cancelled => "was cancelled",
                    _ => "was skipped",
                };
                string cause = causes.TryGetValue(blocked, out string? upstream) ? upstream : blocked;
                causes[node.Key] = cause;
                skips.Add(new NodeSkip(node.Key, cause, $"dependency '{blocked}' {verb}"));
                effective[node.Key] = NodeStatus.Skipped;
            }
            else if (failFast && firstFailure is not null)
            {
                skips.Add(new NodeSkip(node.Key, firstFailure, $"the run failed fast after '{firstFailure}' failed", FailedFast: true));
                effective[node.Key] = NodeStatus.Skipped;
            }
            else if (allSucceeded)
            {
                ready.Add(node.Key);
            }
        }

        return new PlanDecision(ready, skips, Status(effective.Values, ready.Count));
    }

    private static RunStatus Status(IEnumerable<NodeStatus> states, int readyCount)
    {
        bool anyFailed = false, anyCancelled = false, anyRunning = false, anyStarted = false, allSucceeded = true;
        foreach (NodeStatus status in states)
        {
            anyFailed |= status == NodeStatus.Failed;
            anyCancelled |= status == NodeStatus.Cancelled;
            anyRunning |= status == NodeStatus.Running;
            anyStarted |= status is not (NodeStatus.Pending);
            allSucceeded &= status == NodeStatus.Succeeded;
        }

        if (allSucceeded)
        {
            return RunStatus.Succeeded;
        }

        if ((anyFailed || anyCancelled) && !anyRunning && readyCount == 0)
        {
            return anyFailed ? RunStatus.Failed : RunStatus.Cancelled;
        }

        return anyStarted ? RunStatus.Running : RunStatus.Pending;
    }
}
