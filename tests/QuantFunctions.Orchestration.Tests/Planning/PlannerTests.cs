using QuantFunctions.Orchestration.Planning;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Tests.Planning;

public sealed class PlannerTests
{
    private static readonly ExecutionPlan Diamond =
        ExecutionPlanTests.PlanOf(Model(Node("a") + "," + Node("b", "a") + "," + Node("c", "a") + "," + Node("d", "b,c")));

    private static readonly ExecutionPlan FanOut = ExecutionPlanTests.PlanOf(Model(
        Node("load") + "," + Node("alloc", "load", "\"for_each\": [\"x\", \"y\", \"z\"]") + "," + Node("meta", "alloc") + "," + Node("side")));

    private static Dictionary<string, NodeStatus> States(params (string Key, NodeStatus Status)[] states) =>
        states.ToDictionary(s => s.Key, s => s.Status, StringComparer.Ordinal);

    [Fact]
    public void Plan_NothingRecorded_RootsAreReady()
    {
        PlanDecision d = Planner.Plan(Diamond, States());
        Assert.Equal(["a"], d.Ready);
        Assert.Empty(d.Skips);
        Assert.Equal(RunStatus.Pending, d.Status);
    }

    [Fact]
    public void Plan_Diamond_JoinWaitsForBothBranches()
    {
        Assert.Equal(["b", "c"], Planner.Plan(Diamond, States(("a", NodeStatus.Succeeded))).Ready);
        PlanDecision d = Planner.Plan(Diamond, States(("a", NodeStatus.Succeeded), ("b", NodeStatus.Succeeded), ("c", NodeStatus.Running)));
        Assert.Empty(d.Ready);
        Assert.Equal(RunStatus.Running, d.Status);
        Assert.Equal(["d"], Planner.Plan(Diamond, States(("a", NodeStatus.Succeeded), ("b", NodeStatus.Succeeded), ("c", NodeStatus.Succeeded))).Ready);
    }

    [Fact]
    public void Plan_AllSucceeded_RunSucceeded()
    {
        PlanDecision d = Planner.Plan(Diamond, States(("a", NodeStatus.Succeeded), ("b", NodeStatus.Succeeded), ("c", NodeStatus.Succeeded), ("d", NodeStatus.Succeeded)));
        Assert.Equal(RunStatus.Succeeded, d.Status);
        Assert.True(d.IsComplete);
    }

    [Fact]
    public void Plan_FanOut_AllInstancesReadyTogetherAndFanInWaitsForAll()
    {
        Assert.Equal(["alloc[x]", "alloc[y]", "alloc[z]"], Planner.Plan(FanOut, States(("load", NodeStatus.Succeeded), ("side", NodeStatus.Running))).Ready);
        PlanDecision d = Planner.Plan(FanOut, States(
            ("load", NodeStatus.Succeeded), ("side", NodeStatus.Succeeded), ("alloc[x]", NodeStatus.Succeeded), ("alloc[y]", NodeStatus.Succeeded), ("alloc[z]", NodeStatus.Running)));
        Assert.Empty(d.Ready);
    }

    [Fact]
    public void Plan_FailureWithoutFailFast_SkipsTransitiveDependentsOnly()
    {
        PlanDecision d = Planner.Plan(FanOut, States(("load", NodeStatus.Succeeded), ("alloc[y]", NodeStatus.Failed)), failFast: false);

        Assert.Equal(["alloc[x]", "alloc[z]", "side"], d.Ready);
        NodeSkip skip = Assert.Single(d.Skips);
        Assert.Equal(("meta", "alloc[y]"), (skip.Key, skip.Cause));
        Assert.Contains("'alloc[y]' failed", skip.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, d.Status);
    }

    [Fact]
    public void Plan_FailureInChain_SkipsAreTransitive()
    {
        PlanDecision d = Planner.Plan(Diamond, States(("a", NodeStatus.Failed)), failFast: false);
        Assert.Equal(["b", "c", "d"], d.Skips.Select(s => s.Key));
        Assert.Equal("a", d.Skips[2].Cause);
        Assert.Contains("'b' was skipped", d.Skips[2].Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, d.Status);
    }

    [Fact]
    public void Plan_FailFast_SkipsEveryPendingNodeAndFailsOnceNothingRuns()
    {
        PlanDecision running = Planner.Plan(FanOut, States(("load", NodeStatus.Succeeded), ("alloc[x]", NodeStatus.Failed), ("alloc[y]", NodeStatus.Running)));
        Assert.Empty(running.Ready);
        Assert.Equal(["alloc[z]", "meta", "side"], running.Skips.Select(s => s.Key));
        Assert.Contains("failed fast after 'alloc[x]'", running.Skips[0].Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, running.Status);

        PlanDecision done = Planner.Plan(FanOut, States(("load", NodeStatus.Succeeded), ("alloc[x]", NodeStatus.Failed), ("alloc[y]", NodeStatus.Succeeded)));
        Assert.Equal(RunStatus.Failed, done.Status);
    }

    [Fact]
    public void Plan_Resume_SucceededNodesAreNotReadyAgain()
    {
        // After a failure of b, a resume resets b (and the skipped d) to Pending: only b is ready.
        PlanDecision d = Planner.Plan(Diamond, States(("a", NodeStatus.Succeeded), ("c", NodeStatus.Succeeded), ("b", NodeStatus.Pending), ("d", NodeStatus.Pending)));
        Assert.Equal(["b"], d.Ready);
        Assert.Equal(RunStatus.Running, d.Status);
    }

    [Fact]
    public void Plan_IsPure_SameInputSameDecision()
    {
        var states = States(("load", NodeStatus.Succeeded), ("alloc[y]", NodeStatus.Failed));
        Assert.Equal(Planner.Plan(FanOut, states, failFast: false).Ready, Planner.Plan(FanOut, states, failFast: false).Ready);
        Assert.Equal(2, states.Count);
    }

    [Fact]
    public void Plan_CancelledNode_SkipsDependentsAndCancelsRun()
    {
        PlanDecision d = Planner.Plan(Diamond, States(("a", NodeStatus.Succeeded), ("b", NodeStatus.Cancelled), ("c", NodeStatus.Succeeded)));
        NodeSkip skip = Assert.Single(d.Skips);
        Assert.Contains("'b' was cancelled", skip.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Cancelled, d.Status);
    }
}
