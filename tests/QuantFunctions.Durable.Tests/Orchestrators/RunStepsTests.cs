using QuantFunctions.Testing.Lake;
using QuantFunctions.Durable.Tests.Fakes;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable.Tests.Orchestrators;

/// <summary>The steps delivered twice (Durable's at-least-once activities) leave the lake and the ledger as one delivery would.</summary>
public sealed class RunStepsTests
{
    [Fact]
    public async Task StartAndExecuteNode_DeliveredTwice_OneRunStartedOneExecutionOneEvent()
    {
        var stage = new ScriptedStage();
        var lake = new InMemoryLakeStore();
        await using DurableHarness durable = await DurableHarness.StartAsync(lake, SleeveManifest.Registry(stage));
        RunStart start = DurableHarness.NewRun(durable.Load(SleeveManifest.Json), "twice");

        RunGraph first = await durable.Steps.StartAsync(start);
        RunGraph second = await durable.Steps.StartAsync(start);
        NodeOutcome once = await durable.Steps.ExecuteNodeAsync(new NodeWork("demo", "twice", 1, "s.select[a]"));
        SortedDictionary<string, byte[]> afterOne = await DurableHarness.ReadTreeAsync(lake, "");
        NodeOutcome again = await durable.Steps.ExecuteNodeAsync(new NodeWork("demo", "twice", 1, "s.select[a]"));
        SortedDictionary<string, byte[]> afterTwo = await DurableHarness.ReadTreeAsync(lake, "");

        Assert.Equal(first.Graph.Nodes.Select(n => (n.Key, n.Group)), second.Graph.Nodes.Select(n => (n.Key, n.Group)));
        Assert.Equal(8, first.Graph.Nodes.Count);
        Assert.Equal(["a", "a", "b", "b", "c", "c"], first.Graph.Nodes.Where(n => n.Group is not null).Select(n => n.Group!).Order());
        Assert.Equal(NodeStatus.Succeeded, once.Status);
        Assert.Equal(once, again);
        Assert.Equal(1, stage.CountOf("s.select[a]"));
        Assert.Equal(afterOne.Keys, afterTwo.Keys);
        Assert.All(afterOne, p => Assert.True(p.Value.AsSpan().SequenceEqual(afterTwo[p.Key]), $"{p.Key} changed"));
        Dictionary<string, int> events = DurableHarness.EventCounts(await durable.LedgerAsync("demo", "twice"));
        Assert.Equal(1, events["run.started "]);
        Assert.Equal(1, events["node.succeeded s.select[a]"]);
    }

    [Fact]
    public async Task ExecuteNode_StoppedBetweenItsEventAndItsRecord_RetryRecordsExactlyOneEvent()
    {
        // The step dies writing the node's terminal audit event (a worker killed at that instant): the node must not be
        // left recorded Succeeded without its event. The redelivered step runs it again and the ledger holds one
        // node.succeeded (before the fix, stage.json said Succeeded first and the retry returned with no event at all).
        var stage = new ScriptedStage();
        var lake = new FlakyLakeStore(new InMemoryLakeStore());
        await using DurableHarness durable = await DurableHarness.StartAsync(lake, SleeveManifest.Registry(stage));
        await durable.Steps.StartAsync(DurableHarness.NewRun(durable.Load(SleeveManifest.Json), "killed"));
        lake.Matches = path => path.Value.EndsWith("audit.jsonl", StringComparison.Ordinal);
        lake.FailuresLeft = 1;

        await Assert.ThrowsAsync<IOException>(() => durable.Steps.ExecuteNodeAsync(new NodeWork("demo", "killed", 1, "s.select[a]")));
        NodeOutcome retried = await durable.Steps.ExecuteNodeAsync(new NodeWork("demo", "killed", 1, "s.select[a]"));

        Assert.Equal(NodeStatus.Succeeded, retried.Status);
        Assert.Equal(2, stage.CountOf("s.select[a]"));
        Dictionary<string, int> events = DurableHarness.EventCounts(await durable.LedgerAsync("demo", "killed"));
        Assert.Equal(1, events["node.succeeded s.select[a]"]);
    }
}
