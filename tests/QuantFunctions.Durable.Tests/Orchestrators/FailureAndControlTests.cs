using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Durable.Tests.Fakes;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable.Tests.Orchestrators;

/// <summary>Failures, retries, terminate and restart on the in-process Durable engine (three sleeves, two meta nodes).</summary>
public sealed class FailureAndControlTests
{
    [Fact]
    public async Task SleeveFails_MetaSkippedNamingIt_OtherSleevesComplete()
    {
        var stage = new ScriptedStage().FailWith("s.select[b]", new InvalidOperationException("no returns for sleeve b"));
        var lake = new InMemoryLakeStore();
        await using DurableHarness durable = await DurableHarness.StartAsync(lake, SleeveManifest.Registry(stage));
        PipelineManifest manifest = durable.Load(SleeveManifest.Json);

        OrchestrationMetadata done = await durable.RunAsync(PipelineKind.Model, DurableHarness.NewRun(manifest, "fail-b"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        RunOutcome outcome = done.ReadOutputAs<RunOutcome>()!;
        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Equal(["s.select[b]"], outcome.Failed);
        RunRecord run = await durable.RunRecordAsync("demo", "fail-b");
        Dictionary<string, NodeState> nodes = run.Nodes.ToDictionary(n => n.Node.Value);
        Assert.Equal(NodeStatus.Failed, nodes["s.select[b]"].Status);
        Assert.Equal(NodeStatus.Skipped, nodes["s.backtest[b]"].Status);

        // The other sleeves ran to the end in their own sub-orchestrations, and their outputs stay.
        foreach (string key in new[] { "s.select[a]", "s.backtest[a]", "s.select[c]", "s.backtest[c]" })
        {
            Assert.Equal(NodeStatus.Succeeded, nodes[key].Status);
            Assert.NotNull(await lake.TryReadAsync(nodes[key].Outputs[0].Path));
        }

        // The meta stage never ran: skipped, naming the failed sleeve node; the run's error names it too.
        Assert.Equal(NodeStatus.Skipped, nodes["m.aggregate"].Status);
        Assert.Equal("dependency sleeve 'b' (node 's.select[b]') failed", nodes["m.aggregate"].Error!.Message);
        Assert.Equal(NodeStatus.Skipped, nodes["m.report"].Status);
        Assert.Equal(0, stage.CountOf("m.aggregate"));
        Assert.Contains("s.select[b]", run.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("no returns for sleeve b", run.Error.Message, StringComparison.Ordinal);
        Dictionary<string, int> events = DurableHarness.EventCounts(await durable.LedgerAsync("demo", "fail-b"));
        Assert.Equal(1, events["node.failed s.select[b]"]);
        Assert.Equal(1, events["node.skipped m.aggregate"]);
        Assert.Equal(1, events["run.failed "]);
    }

    [Fact]
    public async Task TransientFailures_StageRetriedByTheExecutorAndStepRetriedByDurable_RunSucceedsWithOneEventEach()
    {
        var stage = new ScriptedStage().FailWith("s.select[a]", new TransientStageException("rate limited"));
        var lake = new FlakyLakeStore(new InMemoryLakeStore())
        {
            // The first write of s.backtest[c]'s stage.json fails: the ExecuteNode activity throws and Durable retries it.
            Matches = p => p.Value.EndsWith("/stages/s.backtest@c/stage.json", StringComparison.Ordinal),
            FailuresLeft = 1,
        };
        await using DurableHarness durable = await DurableHarness.StartAsync(lake, SleeveManifest.Registry(stage));

        OrchestrationMetadata done = await durable.RunAsync(PipelineKind.Model, DurableHarness.NewRun(durable.Load(SleeveManifest.Json), "transient"));

        Assert.Equal(RunStatus.Succeeded, done.ReadOutputAs<RunOutcome>()!.Status);
        Assert.Equal(-1, lake.FailuresLeft); // the injected failure happened
        RunRecord run = await durable.RunRecordAsync("demo", "transient");
        Assert.Equal(2, run.Nodes.Single(n => n.Node.Value == "s.select[a]").Attempts);
        Assert.Equal(2, stage.CountOf("s.select[a]"));
        Assert.Equal(2, stage.CountOf("s.backtest[c]")); // executed again by the retried step
        Dictionary<string, int> events = DurableHarness.EventCounts(await durable.LedgerAsync("demo", "transient"));
        Assert.All(run.Nodes, n => Assert.Equal(1, events[$"node.succeeded {n.Node}"]));
    }

    [Fact]
    public async Task Terminate_MidRun_InstanceTerminatedRunCancelledWithReasonAndNoNodeStartsAfter()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stage = new ScriptedStage { Gate = gate };
        stage.Gated["s.backtest[a]"] = true;
        var lake = new InMemoryLakeStore();
        await using DurableHarness durable = await DurableHarness.StartAsync(lake, SleeveManifest.Registry(stage));
        RunStart start = DurableHarness.NewRun(durable.Load(SleeveManifest.Json), "stop-me");
        await durable.Client.ScheduleNewOrchestrationInstanceAsync(DurableNames.ModelOrchestrator, start, new StartOrchestrationOptions(start.RunId));

        await stage.GatedStarted.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await durable.Client.TerminateInstanceAsync(start.RunId, new TerminateInstanceOptions { Output = "operator stop", Recursive = true });
        RunRecord? cancelled = await durable.Steps.TerminateAsync(start.RunId, "operator stop");
        OrchestrationMetadata done = await durable.WaitAsync(start.RunId);
        int startedBefore = stage.Total;
        int ledgerBefore = (await durable.LedgerAsync("demo", "stop-me")).Count;
        gate.SetResult();
        await WaitLateNodeRecordedAsync(durable, "stop-me", "s.backtest[a]", ledgerBefore);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(RunStatus.Cancelled, cancelled!.Status);
        RunRecord run = await durable.RunRecordAsync("demo", "stop-me");
        Assert.Equal(RunStatus.Cancelled, run.Status); // a node finishing after the terminate does not revive the run
        Assert.Equal("operator stop", run.Error!.Message);
        Assert.Equal(startedBefore, stage.Total);
        Assert.Equal(0, stage.CountOf("m.aggregate"));
        Assert.Equal(1, DurableHarness.EventCounts(await durable.LedgerAsync("demo", "stop-me"))["run.cancelled "]);
    }

    [Fact]
    public async Task Restart_FailedRun_CompletesAndReExecutesNothingThatSucceeded()
    {
        var stage = new ScriptedStage().FailWith("s.backtest[b]", new InvalidOperationException("bad window"));
        var lake = new InMemoryLakeStore();
        await using DurableHarness durable = await DurableHarness.StartAsync(lake, SleeveManifest.Registry(stage));
        OrchestrationMetadata first = await durable.RunAsync(PipelineKind.Model, DurableHarness.NewRun(durable.Load(SleeveManifest.Json), "again"));
        Assert.Equal(RunStatus.Failed, first.ReadOutputAs<RunOutcome>()!.Status);
        Dictionary<string, int> before = new[] { "s.select[a]", "s.select[b]", "s.select[c]", "s.backtest[a]", "s.backtest[c]" }.ToDictionary(k => k, stage.CountOf);

        RunRecord failed = await durable.RunRecordAsync("demo", "again");
        await durable.Client.PurgeInstanceAsync("again");
        OrchestrationMetadata second = await durable.RunAsync(PipelineKind.Model, new RunStart { RunId = "again", Scope = "demo", Attempt = failed.Attempt + 1 });

        Assert.Equal(OrchestrationRuntimeStatus.Completed, second.RuntimeStatus);
        Assert.Equal(RunStatus.Succeeded, second.ReadOutputAs<RunOutcome>()!.Status);
        Assert.All(before, p => Assert.Equal(p.Value, stage.CountOf(p.Key)));
        Assert.Equal(2, stage.CountOf("s.backtest[b]"));
        Assert.Equal(1, stage.CountOf("m.aggregate"));
        RunRecord run = await durable.RunRecordAsync("demo", "again");
        Assert.Equal(2, run.Attempt);
        Assert.All(run.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
        Dictionary<string, int> events = DurableHarness.EventCounts(await durable.LedgerAsync("demo", "again"));
        Assert.Equal(1, events["run.resumed "]);
        Assert.Equal(5, events.Where(e => e.Key.StartsWith("node.reused ", StringComparison.Ordinal)).Sum(e => e.Value));
    }

    // The released node's step ends by appending its event to the ledger and then recording the ledger's new head in
    // run.json: once both are there, nothing of that step is left to write (a bounded wait on the engine's own threads).
    private static async Task WaitLateNodeRecordedAsync(DurableHarness durable, string runId, string node, int ledgerBefore)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            IReadOnlyList<AuditEntry> ledger = await durable.LedgerAsync("demo", runId);
            RunRecord run = await durable.RunRecordAsync("demo", runId);
            if (ledger.Skip(ledgerBefore).Any(e => e.Node == node) && run.AuditHead?.Count == ledger.Count)
            {
                return;
            }

            await Task.Delay(50, deadline.Token);
        }
    }
}
