using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Planning;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;

namespace QuantFunctions.Orchestration.Tests.Planning;

/// <summary>
/// Invariants of the planner on random DAGs with random failing nodes, executed to completion by a
/// simulated runner that follows only the planner's decisions (no fail-fast).
/// </summary>
public sealed class PlannerPropertyTests
{
    /// <summary>(node count, dependency bit masks on earlier nodes, failing-node bit mask).</summary>
    private static readonly Gen<(int N, int[] Masks, int Failing)> Graphs =
        from n in Gen.Choose(1, 10)
        from masks in Gen.Choose(0, int.MaxValue).ArrayOf(n)
        from failing in Gen.Choose(0, 1023)
        select (n, masks, failing);

    [Fact]
    public void Plan_SimulatedRun_EndsWithFailuresAndExactlyTheirDependentsSkipped()
    {
        Prop.ForAll(Graphs.ToArbitrary(), g =>
        {
            var deps = new List<int>[g.N];
            for (int i = 0; i < g.N; i++)
            {
                deps[i] = [.. Enumerable.Range(0, i).Where(j => (g.Masks[i] & (1 << j)) != 0)];
            }

            ExecutionPlan plan = ExecutionPlanTests.PlanOf(Model(string.Join(",", Enumerable.Range(0, g.N).Select(i =>
                Node("n" + i, string.Join(",", deps[i].Select(j => "n" + j)))))));
            bool Fails(int i) => (g.Failing & (1 << i)) != 0;

            var states = new Dictionary<string, NodeStatus>(StringComparer.Ordinal);
            PlanDecision decision = Planner.Plan(plan, states, failFast: false);
            for (int step = 0; step <= g.N && !decision.IsComplete; step++)
            {
                foreach (NodeSkip skip in decision.Skips)
                {
                    states[skip.Key] = NodeStatus.Skipped;
                }

                foreach (string key in decision.Ready)
                {
                    int i = int.Parse(key[1..], System.Globalization.CultureInfo.InvariantCulture);
                    if (!deps[i].All(j => states.GetValueOrDefault("n" + j) == NodeStatus.Succeeded))
                    {
                        return false;
                    }

                    states[key] = Fails(i) ? NodeStatus.Failed : NodeStatus.Succeeded;
                }

                decision = Planner.Plan(plan, states, failFast: false);
            }

            // Expected: a node fails when it is failing and all its ancestors succeeded; it is skipped when an ancestor failed.
            var expected = new NodeStatus[g.N];
            for (int i = 0; i < g.N; i++)
            {
                bool blocked = deps[i].Any(j => expected[j] != NodeStatus.Succeeded);
                expected[i] = blocked ? NodeStatus.Skipped : Fails(i) ? NodeStatus.Failed : NodeStatus.Succeeded;
            }

            foreach (NodeSkip skip in decision.Skips)
            {
                states[skip.Key] = NodeStatus.Skipped;
            }

            bool anyFailed = expected.Contains(NodeStatus.Failed);
            return decision.IsComplete
                && Enumerable.Range(0, g.N).All(i => states.GetValueOrDefault("n" + i) == expected[i])
                && decision.Status == (anyFailed ? RunStatus.Failed : RunStatus.Succeeded);
        }).QuickCheckThrowOnFailure();
    }
}
