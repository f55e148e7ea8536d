using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class PoisonQueueHandlerTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    [Fact]
    public async Task HandleFailure_FiveFailedDequeues_MovesToPoisonWithError()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync("work");
        var handler = new PoisonQueueHandler(queue);
        QueueMessage sent = await queue.SendMessageAsync("{\"node\":\"n1\"}");

        var outcomes = new List<bool>();
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            QueueMessage m = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(60)));
            Assert.Equal(attempt, m.DequeueCount);
            outcomes.Add(await handler.HandleFailureAsync(m, $"boom {attempt}"));
        }

        Assert.Equal([false, false, false, false, true], outcomes);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync());
        QueueMessage poisoned = Assert.Single(await handler.PoisonQueue.ReceiveMessagesAsync());
        PoisonMessage record = PoisonMessage.Parse(poisoned.Text!);
        Assert.Equal(queue.Name + "-poison", handler.PoisonQueue.Name);
        Assert.Equal(queue.Name, record.Queue);
        Assert.Equal(sent.MessageId, record.MessageId);
        Assert.Equal(5, record.DequeueCount);
        Assert.Equal("boom 5", record.Error);
        Assert.Equal("{\"node\":\"n1\"}", record.Body);
    }

    [Fact]
    public async Task PoisonIfExceeded_CountAboveMax_MovesWithoutProcessing()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync("crash");
        var handler = new PoisonQueueHandler(queue, maxDequeueCount: 2);
        await queue.SendMessageAsync("m");

        var seen = new List<bool>();
        for (int i = 0; i < 3; i++)
        {
            // A worker that dies mid-node never reports; the message just becomes visible again.
            QueueMessage m = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(60)));
            seen.Add(await handler.PoisonIfExceededAsync(m));
            if (!seen[^1])
            {
                await queue.UpdateMessageAsync(m, TimeSpan.Zero);
            }
        }

        Assert.Equal([false, false, true], seen);
        PoisonMessage record = PoisonMessage.Parse(Assert.Single(await handler.PoisonQueue.PeekMessagesAsync()).Text!);
        Assert.Equal("Dequeued 3 times, more than maxDequeueCount 2, without completing.", record.Error);
    }

    [Fact]
    public async Task MoveToPoison_HugeError_TruncatesAndSaysSo()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync("big");
        var handler = new PoisonQueueHandler(queue);
        await queue.SendMessageAsync("m");
        QueueMessage m = Assert.Single(await queue.ReceiveMessagesAsync());

        PoisonMessage record = await handler.MoveToPoisonAsync(m, new string('e', 10_000));

        Assert.EndsWith("… (truncated from 10000 characters)", record.Error, StringComparison.Ordinal);
        Assert.StartsWith(new string('e', PoisonQueueHandler.MaxErrorLength), record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void PoisonQueueName_TooLong_Throws()
    {
        Assert.Equal("work-poison", PoisonQueueHandler.PoisonQueueName("work"));
        Assert.Throws<ArgumentException>(() => PoisonQueueHandler.PoisonQueueName(new string('q', 60)));
    }
}
