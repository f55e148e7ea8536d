using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Orchestration.Tests.Queue;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Faults;

/// <summary>A crash between writing a node's enqueue marker and sending its message: a re-plan sends it.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class EnqueueGapTests(AzuriteFixture azurite)
{
    private const string Meta = "manifests/demo/meta/version=1.0.0/manifest.json";

    [Fact]
    public async Task StartAsync_MarkerWithoutSendConfirmation_ReplanResendsOnlyThatNodeAndWorkersFinishTheRun()
    {
        using QueueHarness queued = await QueueHarness.CreateAsync(azurite);
        await queued.RunDataOpsAsync();
        PipelineManifest manifest = await queued.LoadAsync(Meta);
        await queued.Runner.StartAsync(queued.Request(manifest, "meta-gap"));

        // Simulate the crash for one of the four first nodes: its message never left, its confirmation was never written.
        IReadOnlyList<QueueMessage> sent = await queued.Queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
        Assert.Equal(4, sent.Count); // alpha.select for the four demo sleeves
        NodeMessage lost = NodeMessage.Parse(sent[0].Text!);
        foreach (QueueMessage message in sent)
        {
            await queued.Queue.DeleteMessageAsync(message);
        }

        string confirmation = $"_meta/demo/runs/meta-gap/queue/{NodeKey.Parse(lost.Node).ToPathSegment()}.1.sent";
        Assert.True(await queued.Lake.DeleteAsync(LakePath.Parse(confirmation)), $"{confirmation} missing");

        await queued.Runner.StartAsync(queued.Request(manifest, "meta-gap")); // the re-plan

        QueueMessage resent = Assert.Single(await queued.Queue.PeekMessagesAsync(32));
        Assert.Equal(lost.Key, NodeMessage.Parse(resent.Text!).Key);
        Assert.NotNull(await queued.Lake.GetInfoAsync(LakePath.Parse(confirmation)));

        // The other three nodes' messages are gone for good in this simulation; send them back as the original workers would have run them.
        foreach (QueueMessage message in sent.Skip(1))
        {
            await queued.Queue.SendMessageAsync(message.Text!);
        }

        RunRecord run = await QueueRunnerAzuriteTests.RunWorkersAsync(queued, 2, "demo", "meta-gap");
        Assert.Equal(RunStatus.Succeeded, run.Status);
    }
}
