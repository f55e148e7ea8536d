using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Queue;

/// <summary>Poison handling of the queue worker against Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueueWorkerPoisonTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task HandleAsync_MalformedMessage_MovesItToThePoisonQueueAtOnce()
    {
        using QueueHarness harness = await QueueHarness.CreateAsync(azurite);
        var worker = new QueueWorker(harness.Runner, NullLoggerFactory.Instance, TimeProvider.System);
        await harness.Queue.SendMessageAsync("""{"run_id":"r1"}""");
        QueueMessage received = (await harness.Queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)))[0];

        Assert.Null(await worker.HandleAsync(received));

        PoisonMessage poisoned = await harness.PeekPoisonAsync();
        Assert.Contains("Malformed node message", poisoned.Error, StringComparison.Ordinal);
        Assert.Equal(0, await harness.Queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task HandleAsync_FifthFailedDelivery_PoisonsTheMessageWithTheError()
    {
        using QueueHarness harness = await QueueHarness.CreateAsync(azurite);
        var worker = new QueueWorker(harness.Runner, NullLoggerFactory.Instance, TimeProvider.System);
        var message = new NodeMessage { RunId = "no-such-run", Scope = "demo", Node = "ingest", Attempt = 1 };
        await harness.Queue.SendMessageAsync(message.ToJson());

        // Four deliveries that die without reporting (visibility lapses), then the fifth fails in the worker.
        QueueMessage received = await harness.ReceiveUntilDequeuedAsync(5);

        Assert.Null(await worker.HandleAsync(received));

        PoisonMessage poisoned = await harness.PeekPoisonAsync();
        Assert.Contains("No run 'no-such-run' in scope 'demo'", poisoned.Error, StringComparison.Ordinal);
        Assert.Equal(5, poisoned.DequeueCount);
        Assert.Equal(message.ToJson(), poisoned.Body);
    }

    [Fact]
    public async Task HandleAsync_NodeMessageDequeuedSixTimes_PoisonsItAndFailsTheRunOnce()
    {
        using QueueHarness harness = await QueueHarness.CreateAsync(azurite);
        var worker = new QueueWorker(harness.Runner, NullLoggerFactory.Instance, TimeProvider.System);
        await harness.Runner.StartAsync(harness.Request(await harness.LoadAsync("manifests/demo/dataops/version=1.0.0/manifest.json"), "dataops-p"));

        // Five deliveries of one node message die without reporting (e.g. killed workers); the sixth exceeds maxDequeueCount 5.
        QueueMessage received = await harness.ReceiveUntilDequeuedAsync(6);

        Assert.Null(await worker.HandleAsync(received));

        NodeMessage node = NodeMessage.Parse(received.Text!);
        RunRecord run = (await harness.Runtime.Runner.Store.TryLoadAsync("demo", "dataops-p"))!;
        Assert.Equal(RunStatus.Failed, run.Status);
        NodeState failed = Assert.Single(run.Nodes, n => n.Status == NodeStatus.Failed);
        Assert.Equal(node.Node, failed.Node.Value);
        Assert.Equal(QueueRunner.PoisonedCode, failed.Error!.Code);
        IReadOnlyList<QuantFunctions.Lake.Audit.AuditEntry> ledger = await harness.LedgerAsync("demo", "dataops-p");
        Assert.Single(ledger, e => e.Kind == "node.failed");
        Assert.Single(ledger, e => e.Kind == "run.failed");
        PoisonMessage poisoned = await harness.PeekPoisonAsync();
        Assert.Contains("Dequeued 6 times", poisoned.Error, StringComparison.Ordinal);
    }
}
