using System.Text;
using Azure.Core;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Lake.Tests.Audit;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>
/// Issue 12 item 5: a conditional write or append whose first attempt reached Azurite and was applied, but whose answer
/// was lost (replaced by an <see cref="IOException"/>) and retried by the SDK, recognises its own write instead of
/// reporting a conflict, and the audit ledger records the event once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class LostAnswerTests(AzuriteFixture azurite)
{
    private static readonly LakePath Ledger = LakePath.Parse("_meta/crypto_long/runs/r1/audit.jsonl");

    [Fact]
    public async Task WriteAsync_CreateOnlyWhoseAnswerIsLost_RecognisesItsOwnWrite()
    {
        (BlobLakeStore store, LoseAnswerPolicy lose) = await NewStoreAsync();
        LakePath path = LakePath.Parse("bronze/x/part-1.json");

        LakeObjectInfo info = await store.WriteAsync(path, Encoding.UTF8.GetBytes("{\"a\":1}"), LakeWriteMode.CreateOnly);

        Assert.Single(lose.Lost);
        Assert.Equal(info, await store.GetInfoAsync(path));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString((await store.TryReadAsync(path))!.Content.Span));
    }

    [Fact]
    public async Task WriteIfMatchAsync_WhoseAnswerIsLost_RecognisesItsOwnWrite()
    {
        (BlobLakeStore store, LoseAnswerPolicy lose) = await NewStoreAsync(lostAnswers: 0);
        LakePath path = LakePath.Parse("_meta/s/runs/r/run.json");
        LakeObjectInfo v1 = await store.WriteAsync(path, Encoding.UTF8.GetBytes("v1"), LakeWriteMode.Overwrite);
        lose.Arm(1);

        LakeObjectInfo v2 = await store.WriteIfMatchAsync(path, Encoding.UTF8.GetBytes("v2"), v1.ETag);

        Assert.Single(lose.Lost);
        Assert.Equal(v2, await store.GetInfoAsync(path));
        Assert.Equal("v2", Encoding.UTF8.GetString((await store.TryReadAsync(path))!.Content.Span));
    }

    [Fact]
    public async Task WriteAsync_CreateOnlyOverAnotherWritersObject_StillConflict()
    {
        (BlobLakeStore store, _) = await NewStoreAsync(lostAnswers: 0);
        LakePath path = LakePath.Parse("bronze/x/part-1.json");
        await store.WriteAsync(path, Encoding.UTF8.GetBytes("same"), LakeWriteMode.CreateOnly);

        // Equal content from another write is not this write.
        await Assert.ThrowsAsync<LakeConflictException>(() => store.WriteAsync(path, Encoding.UTF8.GetBytes("same"), LakeWriteMode.CreateOnly));
    }

    [Fact]
    public async Task AppendAsync_WhoseAnswerIsLost_AppendedOnce()
    {
        (BlobLakeStore store, LoseAnswerPolicy lose) = await NewStoreAsync(lostAnswers: 2);

        LakeObjectInfo first = await store.AppendAsync(Ledger, Encoding.UTF8.GetBytes("a\n"), 0);
        LakeObjectInfo second = await store.AppendAsync(Ledger, Encoding.UTF8.GetBytes("b\n"), 2, first.ETag);

        Assert.Equal(2, lose.Lost.Count);
        Assert.Equal(4, second.Size);
        Assert.Equal("a\nb\n", Encoding.UTF8.GetString((await store.TryReadAsync(Ledger))!.Content.Span));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AuditLedger_AppendWhoseAnswerIsLost_ExactlyOneEntry(bool keyed)
    {
        (BlobLakeStore store, LoseAnswerPolicy lose) = await NewStoreAsync(lostAnswers: 1);
        using var ledger = new AuditLedger(store, Ledger);

        AuditEntry entry = await ledger.AppendAsync(AuditLedgerTests.Event("alpha.weights", 1, key: keyed ? "run/1/alpha.weights/0" : null));
        AuditEntry next = await ledger.AppendAsync(AuditLedgerTests.Event("alpha.weights", 2));

        Assert.Single(lose.Lost);
        using var reader = new AuditLedger(store, Ledger);
        IReadOnlyList<AuditEntry> entries = await reader.ReadAllAsync();
        Assert.Equal([entry.Hash, next.Hash], entries.Select(e => e.Hash));
        Assert.True((await AuditLedgerVerifier.VerifyAsync(store, Ledger, new AuditLedgerHead(2, next.Hash))).IsValid);
    }

    [Fact]
    public async Task AuditLedger_LedgerWrittenWholeBeforeAppends_AppendsAndVerifies()
    {
        // A ledger from before append blobs: one block blob, rewritten whole.
        (BlobLakeStore store, _) = await NewStoreAsync(lostAnswers: 0);
        var memory = new InMemoryLakeStore();
        using (var old = new AuditLedger(memory, Ledger))
        {
            await old.AppendAsync(AuditLedgerTests.Event("run.started", 0));
        }

        await store.WriteAsync(Ledger, (await memory.TryReadAsync(Ledger))!.Content, LakeWriteMode.CreateOnly);

        using var ledger = new AuditLedger(store, Ledger);
        await ledger.AppendAsync(AuditLedgerTests.Event("alpha.weights", 1));

        AuditVerificationResult result = await AuditLedgerVerifier.VerifyAsync(store, Ledger);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(2, result.EntryCount);
    }

    private async Task<(BlobLakeStore Store, LoseAnswerPolicy Lose)> NewStoreAsync(int lostAnswers = 1)
    {
        var lose = new LoseAnswerPolicy(lostAnswers);
        var clients = new AzuriteClients(azurite, configure: o => o.AddPolicy(lose, HttpPipelinePosition.PerRetry));
        return (await BlobLakeStore.OpenAsync(clients.Container()), lose);
    }
}
