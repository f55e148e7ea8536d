using System.Net;
using System.Text;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class StorageQueueClientTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    [Fact]
    public async Task CreateIfNotExists_Twice_SecondReturnsFalse()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();

        Assert.False(await queue.CreateIfNotExistsAsync());
        Assert.True(await queue.DeleteIfExistsAsync());
        Assert.False(await queue.DeleteIfExistsAsync());
    }

    [Fact]
    public async Task SendThenReceive_Json_StoredAsBase64AndDecoded()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();
        const string json = "{\"run\":\"r1\",\"node\":\"alpha.select[é]\"}";

        QueueMessage sent = await queue.SendMessageAsync(json);
        QueueMessage received = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(30)));

        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(json, received.Text);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), received.RawText); // what a Functions queue trigger decodes
        Assert.Equal(1, received.DequeueCount);
        Assert.NotNull(received.PopReceipt);
    }

    [Fact]
    public async Task Receive_WhileInvisible_ReturnsNothingThenUpdateToZeroMakesItVisible()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();
        await queue.SendMessageAsync("work");

        QueueMessage first = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(60)));
        IReadOnlyList<QueueMessage> hidden = await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(60));
        QueueMessage updated = await queue.UpdateMessageAsync(first, TimeSpan.Zero);
        QueueMessage again = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(60)));

        Assert.Empty(hidden);
        Assert.NotEqual(first.PopReceipt, updated.PopReceipt);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Receive_AfterVisibilityTimeoutExpires_MessageReturns()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();
        await queue.SendMessageAsync("slow");
        Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1)));

        // Poll (no timing assertion): the message must come back once its 1 s visibility timeout lapses.
        QueueMessage? back = null;
        for (int i = 0; i < 50 && back is null; i++)
        {
            await Task.Delay(100);
            back = (await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(30))).SingleOrDefault();
        }

        Assert.NotNull(back);
        Assert.Equal(2, back.DequeueCount);
    }

    [Fact]
    public async Task UpdateMessage_NewContentAndExtendedVisibility_KeepsItHiddenWithNewText()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();
        await queue.SendMessageAsync("v1");
        QueueMessage received = Assert.Single(await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(5)));

        QueueMessage extended = await queue.UpdateMessageAsync(received, TimeSpan.FromMinutes(5), "v2");
        IReadOnlyList<QueueMessage> hidden = await queue.ReceiveMessagesAsync();
        var stale = await Assert.ThrowsAsync<AzureStorageException>(() => queue.DeleteMessageAsync(received));
        QueueMessage visibleAgain = await queue.UpdateMessageAsync(extended, TimeSpan.Zero);
        QueueMessage read = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Empty(hidden);
        Assert.True(extended.NextVisibleOn > received.NextVisibleOn);
        Assert.Equal(HttpStatusCode.BadRequest, stale.Status); // the old pop receipt no longer works
        Assert.NotNull(visibleAgain.PopReceipt);
        Assert.Equal("v2", read.Text);
    }

    [Fact]
    public async Task DeleteMessage_LatestReceipt_RemovesItAndCountDrops()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");
        int before = await queue.GetApproximateMessageCountAsync();

        QueueMessage m = (await queue.ReceiveMessagesAsync(2))[0];
        Assert.True(await queue.DeleteMessageAsync(m));
        Assert.False(await queue.DeleteMessageAsync(m));

        Assert.Equal(2, before);
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task Peek_DoesNotHideOrCount()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();
        await queue.SendMessageAsync("p");

        QueueMessage peeked = Assert.Single(await queue.PeekMessagesAsync());
        QueueMessage received = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Null(peeked.PopReceipt);
        Assert.Equal("p", peeked.Text);
        Assert.Equal(1, received.DequeueCount);
        await Assert.ThrowsAsync<ArgumentException>(() => queue.DeleteMessageAsync(peeked));
    }

    [Fact]
    public async Task SendMessage_VisibilityDelay_HidesItAtFirst()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();

        QueueMessage sent = await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromMinutes(10), timeToLive: TimeSpan.FromHours(1));

        Assert.Empty(await queue.PeekMessagesAsync());
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync());
        Assert.True(sent.ExpiresOn > sent.InsertedOn);
    }

    [Fact]
    public async Task Receive_NotBase64Body_TextIsNullRawKept()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();
        var raw = new StorageQueueClient(Clients.Connection, queue.Name, Clients.Http, AzuriteClients.FastOptions, QueueMessageEncoding.None);
        await raw.SendMessageAsync("not base64 !");

        QueueMessage m = Assert.Single(await queue.ReceiveMessagesAsync());

        Assert.Null(m.Text);
        Assert.Equal("not base64 !", m.RawText);
    }

    [Fact]
    public async Task SendMessage_TooLarge_ThrowsNamingQueueAndSize()
    {
        StorageQueueClient queue = await Clients.NewQueueAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('x', 50_000)));

        // 50 000 bytes of UTF-8 → base64 length 4·⌈50000/3⌉ = 66 668 > 65 536.
        Assert.Contains($"queue '{queue.Name}' is 66668 bytes", ex.Message, StringComparison.Ordinal);
    }
}
