using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Queue;

/// <summary>The queue runner against a real Azurite, with the shipped stages and the demo pipelines.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueueRunnerAzuriteTests(AzuriteFixture azurite)
{
    private const string Meta = "manifests/demo/meta/version=1.0.0/manifest.json";

    [Fact]
    public async Task StartAsync_DemoMetaWithTwoWorkersAndDuplicateDeliveries_GoldIdenticalToLocalRunAndNoDuplicateLedgerEntries()
    {
        using QueueHarness local = await QueueHarness.CreateAsync(azurite);
        using QueueHarness queued = await QueueHarness.CreateAsync(azurite);
        await local.RunDataOpsAsync();
        await queued.RunDataOpsAsync();
        PipelineManifest manifest = await local.LoadAsync(Meta);
        RunRecord expected = await local.RunLocalAsync(manifest, "meta-q");
        Assert.Equal(RunStatus.Succeeded, expected.Status);

        RunRecord started = await queued.Runner.StartAsync(queued.Request(await queued.LoadAsync(Meta), "meta-q"));
        Assert.Equal(RunStatus.Running, started.Status);

        // At-least-once: every initial message is delivered twice.
        IReadOnlyList<QueueMessage> initial = await queued.Queue.PeekMessagesAsync(32);
        Assert.Equal(4, initial.Count); // alpha.select for the four demo sleeves
        foreach (QueueMessage message in initial)
        {
            await queued.Queue.SendMessageAsync(message.Text!);
        }

        RunRecord run = await RunWorkersAsync(queued, 2, "demo", "meta-q");

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.All(run.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
        await QueueHarness.AssertSameResultsAsync(local, queued, "demo", "meta-q");
        IReadOnlyList<AuditEntry> actualLedger = await queued.LedgerAsync("demo", "meta-q");
        Assert.Single(actualLedger, e => e.Kind == "run.completed");

        // A late duplicate of a finished run's node appends nothing.
        var worker = new QueueWorker(queued.Runner, NullLoggerFactory.Instance, TimeProvider.System);
        await queued.Queue.SendMessageAsync(initial[0].Text!);
        QueueMessage late = (await queued.Queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30)))[0];
        Assert.Equal(NodeOutcome.RunFinished, await worker.HandleAsync(late));
        Assert.Equal(actualLedger.Count, (await queued.LedgerAsync("demo", "meta-q")).Count);
        Assert.Equal(0, await queued.Queue.GetApproximateMessageCountAsync());
    }

    /// <summary>
    /// Runs <paramref name="workers"/> in-process workers until the run is over and the queue has drained, as real workers
    /// would: a duplicate that found its node claimed is hidden for the lease duration and is deleted only when it
    /// reappears (waiting for it keeps tests that assert an empty queue from depending on timing).
    /// </summary>
    internal static async Task<RunRecord> RunWorkersAsync(QueueHarness harness, int workers, string scope, string runId)
    {
        using var stop = new CancellationTokenSource();
        Task[] loops = [.. Enumerable.Range(0, workers).Select(_ => Task.Run(() =>
            new QueueWorker(harness.Runner, NullLoggerFactory.Instance, TimeProvider.System).RunAsync(cancellationToken: stop.Token)))];
        try
        {
            RunRecord run = await harness.WaitForRunAsync(scope, runId, TimeSpan.FromMinutes(10));
            using var drain = new CancellationTokenSource(QueueHarness.Options.LeaseDuration * 4);
            while (await harness.Queue.GetApproximateMessageCountAsync() > 0 && !drain.IsCancellationRequested)
            {
                await Task.Delay(200);
            }

            return run;
        }
        finally
        {
            await stop.CancelAsync();
            foreach (Task loop in loops)
            {
                try
                {
                    await loop;
                }
                catch (OperationCanceledException)
                {
                    // Stopped while polling or running.
                }
            }
        }
    }
}
