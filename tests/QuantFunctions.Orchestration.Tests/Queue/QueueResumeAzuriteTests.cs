using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Queue;

/// <summary>Resuming and cancelling runs on the queue (attempt + 1, stale messages dropped), against a real Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueueResumeAzuriteTests(AzuriteFixture azurite)
{
    private const string Meta = "manifests/demo/meta/version=1.0.0/manifest.json";
    private const string DataOps = "manifests/demo/dataops/version=1.0.0/manifest.json";

    [Fact]
    public async Task ResumeAsync_MetaFailedForWantOfData_DataOpsOnTheQueueThenResume_SucceedsWithGoldIdenticalToLocalRun()
    {
        using QueueHarness local = await QueueHarness.CreateAsync(azurite);
        using QueueHarness queued = await QueueHarness.CreateAsync(azurite);
        await local.RunDataOpsAsync();
        Assert.Equal(RunStatus.Succeeded, (await local.RunLocalAsync(await local.LoadAsync(Meta), "meta-r")).Status);

        // Attempt 1: the meta runs before any DataOps run, so alpha.select finds no hand-off and the run fails.
        await queued.Runner.StartAsync(queued.Request(await queued.LoadAsync(Meta), "meta-r"));
        RunRecord failed = await QueueRunnerAzuriteTests.RunWorkersAsync(queued, 1, "demo", "meta-r");
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal(1, failed.Attempt);
        Assert.Contains("no DataOps hand-off", failed.Error!.Message, StringComparison.Ordinal);

        // DataOps on the queue: the worker that completes it publishes the hand-off.
        await queued.Runner.StartAsync(queued.Request(await queued.LoadAsync(DataOps), "dataops"));
        RunRecord data = await QueueRunnerAzuriteTests.RunWorkersAsync(queued, 1, "demo", "dataops");
        Assert.Equal(RunStatus.Succeeded, data.Status);
        Assert.True(await DataHandoffStore.IsPublishedByAsync(queued.Lake, data));
        Assert.Single(await queued.LedgerAsync("demo", "dataops"), e => e.Kind == "handoff.published");

        // Attempt 2 on the queue.
        await DrainAsync(queued.Queue);
        RunRecord resumed = await queued.Runner.ResumeAsync("demo", "meta-r");
        Assert.Equal(2, resumed.Attempt);
        Assert.Equal(RunStatus.Running, resumed.Status);
        Assert.All(resumed.Nodes, n => Assert.Equal(NodeStatus.Pending, n.Status));
        IReadOnlyList<QueueMessage> enqueued = await queued.Queue.PeekMessagesAsync(32);
        Assert.Equal(4, enqueued.Count); // alpha.select of the four sleeves, as attempt 2
        Assert.All(enqueued, m => Assert.Equal(2, NodeMessage.Parse(m.Text!).Attempt));

        // A late message of attempt 1 is stale: nothing runs.
        NodeMessage stale = NodeMessage.Parse(enqueued[0].Text!) with { Attempt = 1 };
        Assert.Equal(NodeOutcome.Stale, await queued.Runner.ProcessAsync(stale));

        RunRecord run = await QueueRunnerAzuriteTests.RunWorkersAsync(queued, 2, "demo", "meta-r");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempt);
        SortedDictionary<string, byte[]> expectedGold = await local.ReadTreeAsync("gold");
        SortedDictionary<string, byte[]> actualGold = await queued.ReadTreeAsync("gold");
        Assert.Equal(expectedGold.Keys, actualGold.Keys);
        Assert.All(expectedGold, p => Assert.True(p.Value.AsSpan().SequenceEqual(actualGold[p.Key]), $"{p.Key} differs"));

        IReadOnlyList<AuditEntry> ledger = await queued.LedgerAsync("demo", "meta-r");
        Assert.Single(ledger, e => e.Kind == "run.failed");
        Assert.Single(ledger, e => e.Kind == "run.resumed");
        Assert.Single(ledger, e => e.Kind == "run.completed");
        Assert.All(run.Nodes, n => Assert.Single(ledger, e => e.Kind == "node.succeeded" && e.Node == n.Node.Value));
        AuditVerificationResult verified = await AuditLedgerVerifier.VerifyAsync(queued.Lake, LakePathResolver.AuditLedger(LakeIdentifier.Parse("demo"), RunId.Parse("meta-r")), run.AuditHead);
        Assert.True(verified.IsValid, verified.Message);
    }

    [Fact]
    public async Task CancelAsync_QueuedRun_WorkersDropItsNodes_ResumeCompletesIt()
    {
        using QueueHarness queued = await QueueHarness.CreateAsync(azurite);
        await queued.RunDataOpsAsync();
        await queued.Runner.StartAsync(queued.Request(await queued.LoadAsync(Meta), "meta-c"));

        RunRecord cancelled = await queued.Runner.CancelAsync("demo", "meta-c", "terminated by the test");

        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("terminated by the test", cancelled.Error!.Message);
        var worker = new QueueWorker(queued.Runner, NullLoggerFactory.Instance, TimeProvider.System);
        for (int i = 0; i < 4; i++)
        {
            QueueMessage message = (await queued.Queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)))[0];
            Assert.Equal(NodeOutcome.RunFinished, await worker.HandleAsync(message));
        }

        Assert.Equal(0, await queued.Queue.GetApproximateMessageCountAsync());
        Assert.Single(await queued.LedgerAsync("demo", "meta-c"), e => e.Kind == "run.cancelled");
        Assert.Equal(RunStatus.Cancelled, (await queued.Runner.CancelAsync("demo", "meta-c", "again")).Status); // idempotent

        await queued.Runner.ResumeAsync("demo", "meta-c");
        RunRecord run = await QueueRunnerAzuriteTests.RunWorkersAsync(queued, 1, "demo", "meta-c");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempt);
        Assert.All(run.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
    }

    [Fact]
    public async Task ResumeAsync_UnknownRun_ThrowsNamingIt()
    {
        using QueueHarness queued = await QueueHarness.CreateAsync(azurite);

        KeyNotFoundException error = await Assert.ThrowsAsync<KeyNotFoundException>(() => queued.Runner.ResumeAsync("demo", "ghost-run"));

        Assert.Contains("'ghost-run'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Deletes what is left in the queue (messages of the finished attempt).</summary>
    private static async Task DrainAsync(StorageQueueClient queue)
    {
        while (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30)) is { Count: > 0 } batch)
        {
            foreach (QueueMessage message in batch)
            {
                await queue.DeleteMessageAsync(message);
            }
        }
    }
}
