using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Lake.Tests.Storage;

namespace QuantFunctions.Lake.Tests.Audit;

public sealed class AuditLedgerTests
{
    internal const string Trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static readonly LakePath LedgerPath = LakePathResolver.AuditLedger(LakeIdentifier.Parse("crypto_long"), RunId.Parse("r1"));

    internal static AuditEvent Event(string kind, int value, string? node = null, string? key = null) =>
        new(kind, node, Trace, new JsonObject { ["value"] = value, ["asset"] = "BINANCE:BTCUSDT" }, key);

    [Fact]
    public async Task AppendAsync_FirstEntry_ChainsFromGenesisWithDocumentedHash()
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);

        AuditEntry entry = await ledger.AppendAsync(new AuditEvent("run.started", null, Trace, new JsonObject { ["b"] = 2, ["a"] = 1 }));

        // Hand-built canonical form: keys sorted ordinally, no whitespace, without "hash".
        const string canonical = "{\"data\":{\"a\":1,\"b\":2},\"kind\":\"run.started\",\"node\":null,\"prev_hash\":\"" +
            "0000000000000000000000000000000000000000000000000000000000000000\",\"seq\":0,\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
        Assert.Equal(0, entry.Sequence);
        Assert.Equal(new string('0', 64), entry.PrevHash);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), entry.Hash);

        string text = Encoding.UTF8.GetString((await store.TryReadAsync(LedgerPath))!.Content.Span);
        Assert.Equal(
            "{\"seq\":0,\"kind\":\"run.started\",\"node\":null,\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"data\":{\"a\":1,\"b\":2}," +
            "\"prev_hash\":\"" + new string('0', 64) + "\",\"hash\":\"" + entry.Hash + "\"}\n",
            text);
    }

    [Fact]
    public async Task AppendAsync_Several_ChainsAndReadsBackEqual()
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);

        var appended = new List<AuditEntry>();
        for (int i = 0; i < 5; i++)
        {
            appended.Add(await ledger.AppendAsync(Event("alpha.weights", i, "alpha.allocate[crypto_long]")));
        }

        using var reopened = new AuditLedger(store, LedgerPath);
        IReadOnlyList<AuditEntry> read = await reopened.ReadAllAsync();
        Assert.Equal(5, read.Count);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(i, read[i].Sequence);
            Assert.Equal(appended[i].Hash, read[i].Hash);
            Assert.Equal(i == 0 ? new string('0', 64) : read[i - 1].Hash, read[i].PrevHash);
            Assert.Equal(appended[i].Data.ToJsonString(), read[i].Data.ToJsonString());
        }

        Assert.True((await AuditLedgerVerifier.VerifyAsync(store, LedgerPath, await ledger.GetHeadAsync())).IsValid);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentCallersOneLedger_NoFork()
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);

        Task[] tasks = new Task[40];
        for (int i = 0; i < tasks.Length; i++)
        {
            int v = i;
            tasks[i] = Task.Run(() => ledger.AppendAsync(Event("gate.check", v)));
        }

        await Task.WhenAll(tasks);
        AuditVerificationResult result = await AuditLedgerVerifier.VerifyAsync(store, LedgerPath);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(40, result.EntryCount);
    }

    [Fact]
    public async Task AppendAsync_IndependentWritersSameObject_NoLostEntries()
    {
        // Separate ledger instances (as separate processes would be) over one file-system lake.
        using var folder = new QuantFunctions.Testing.TempDirectory("qf-audit");
        var writers = new AuditLedger[4];
        for (int i = 0; i < writers.Length; i++)
        {
            writers[i] = new AuditLedger(new FileSystemLakeStore(folder.Path), LedgerPath);
        }

        Task[] tasks = new Task[writers.Length];
        for (int w = 0; w < writers.Length; w++)
        {
            AuditLedger ledger = writers[w];
            int id = w;
            tasks[w] = Task.Run(async () =>
            {
                for (int i = 0; i < 10; i++)
                {
                    await ledger.AppendAsync(Event("order.sent", (id * 100) + i));
                }
            });
        }

        await Task.WhenAll(tasks);
        IReadOnlyList<AuditEntry> all = await new AuditLedger(new FileSystemLakeStore(folder.Path), LedgerPath).ReadAllAsync();
        Assert.Equal(40, all.Count);
        var values = new HashSet<int>();
        foreach (AuditEntry e in all)
        {
            Assert.True(values.Add((int)e.Data["value"]!));
        }

        foreach (AuditLedger w in writers)
        {
            w.Dispose();
        }
    }

    [Fact]
    public async Task AppendAsync_DuplicateIdempotencyKey_ReturnsExistingEntry()
    {
        var store = new InMemoryLakeStore();
        using var first = new AuditLedger(store, LedgerPath);
        AuditEntry original = await first.AppendAsync(Event("order.sent", 1, key: "msg-42"));
        await first.AppendAsync(Event("order.sent", 2));

        using var redelivered = new AuditLedger(store, LedgerPath);
        AuditEntry again = await redelivered.AppendAsync(Event("order.sent", 1, key: "msg-42"));

        Assert.Equal(original.Sequence, again.Sequence);
        Assert.Equal(original.Hash, again.Hash);
        Assert.Equal("msg-42", again.IdempotencyKey);
        Assert.Equal(2, (await redelivered.ReadAllAsync()).Count);
    }

    [Fact]
    public async Task AppendAsync_SameKeyRacingFromIndependentWriters_RecordedOnce()
    {
        // At-least-once delivery: the same message handled concurrently by several workers.
        var store = new InMemoryLakeStore();
        var ledgers = Enumerable.Range(0, 6).Select(_ => new AuditLedger(store, LedgerPath)).ToList();

        AuditEntry[] results = await Task.WhenAll(ledgers.Select(l => Task.Run(() => l.AppendAsync(Event("order.sent", 7, key: "msg-7")))));

        Assert.Single(await ledgers[0].ReadAllAsync());
        Assert.All(results, r => Assert.Equal(results[0].Hash, r.Hash));
        ledgers.ForEach(l => l.Dispose());
    }

    [Fact]
    public async Task AppendAsync_KeyReusedForOtherKind_Throws()
    {
        using var ledger = new AuditLedger(new InMemoryLakeStore(), LedgerPath);
        await ledger.AppendAsync(Event("order.sent", 1, key: "k"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.AppendAsync(Event("order.cancelled", 1, key: "k")));

        Assert.Contains("'k'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Run.Started", Trace)]
    [InlineData("run..started", Trace)]
    [InlineData("run.started", "4BF92F3577B34DA6A3CE929D0E0E4736")]
    [InlineData("run.started", "00000000000000000000000000000000")]
    [InlineData("run.started", "abc")]
    public async Task AppendAsync_InvalidKindOrTrace_ThrowsAndWritesNothing(string kind, string trace)
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);

        await Assert.ThrowsAsync<ArgumentException>(() => ledger.AppendAsync(new AuditEvent(kind, null, trace, [])));

        Assert.Null(await store.GetInfoAsync(LedgerPath));
    }

    [Fact]
    public async Task AppendAsync_NaNInData_ThrowsAndWritesNothing()
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => ledger.AppendAsync(new AuditEvent("alpha.weights", null, Trace, new JsonObject { ["w"] = double.NaN })));

        Assert.Null(await store.GetInfoAsync(LedgerPath));
    }

    [Fact]
    public async Task AppendAsync_ManyEntries_WritesEachLineOnceAndReadsNothingBack()
    {
        // Before: each append rewrote the whole ledger and re-read it: O(n²) bytes for n entries.
        var store = new CountingLakeStore(new InMemoryLakeStore());
        using var ledger = new AuditLedger(store, LedgerPath);

        for (int i = 0; i < 200; i++)
        {
            await ledger.AppendAsync(Event("alpha.weights", i, key: $"k{i}"));
        }

        long size = (await store.GetInfoAsync(LedgerPath))!.Size;
        Assert.Equal(size, store.BytesWritten);
        Assert.Equal(0, store.BytesRead);
    }

    [Fact]
    public async Task AppendAsync_OpenedOnExistingLedger_ReadsAndVerifiesTheChainOnceThenWritesOneLine()
    {
        var store = new CountingLakeStore(new InMemoryLakeStore());
        using (var first = new AuditLedger(store, LedgerPath))
        {
            for (int i = 0; i < 50; i++)
            {
                await first.AppendAsync(Event("alpha.weights", i));
            }
        }

        long before = (await store.GetInfoAsync(LedgerPath))!.Size;
        (long written, long read) = (store.BytesWritten, store.BytesRead);
        using var second = new AuditLedger(store, LedgerPath);
        AuditEntry entry = await second.AppendAsync(Event("alpha.weights", 50));
        await second.AppendAsync(Event("alpha.weights", 51));
        IReadOnlyList<AuditEntry> all = await second.ReadAllAsync();

        long after = (await store.GetInfoAsync(LedgerPath))!.Size;
        Assert.Equal(50, entry.Sequence);
        Assert.Equal(52, all.Count);
        Assert.Equal(before, store.BytesRead - read);
        Assert.Equal(after - before, store.BytesWritten - written);
    }

    [Fact]
    public async Task AppendAsync_AnotherWriterAppendedMeanwhile_ReadsOnlyItsEntries()
    {
        var store = new CountingLakeStore(new InMemoryLakeStore());
        using var mine = new AuditLedger(store, LedgerPath);
        using var theirs = new AuditLedger(store, LedgerPath);
        for (int i = 0; i < 40; i++)
        {
            await mine.AppendAsync(Event("alpha.weights", i));
        }

        long mineOnly = (await store.GetInfoAsync(LedgerPath))!.Size;
        await theirs.AppendAsync(Event("gate.completeness", 0));   // opens: reads the 40 entries once
        long theirLine = (await store.GetInfoAsync(LedgerPath))!.Size - mineOnly;
        long read = store.BytesRead;

        AuditEntry entry = await mine.AppendAsync(Event("alpha.weights", 40));

        Assert.Equal(41, entry.Sequence);
        Assert.Equal(theirLine, store.BytesRead - read);
    }

    [Fact]
    public async Task AppendAsync_TamperedLedger_RefusesToAppend()
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);
        await ledger.AppendAsync(Event("a.b", 1));
        string text = Encoding.UTF8.GetString((await store.TryReadAsync(LedgerPath))!.Content.Span);
        await store.WriteAsync(LedgerPath, Encoding.UTF8.GetBytes(text.Replace("\"value\":1", "\"value\":9", StringComparison.Ordinal)), LakeWriteMode.Overwrite);

        var e = await Assert.ThrowsAsync<AuditLedgerCorruptException>(() => ledger.AppendAsync(Event("a.b", 2)));

        Assert.Equal(AuditFailureReason.HashMismatch, e.Verification!.Failure);
        Assert.Equal(0, e.Verification.FailedSequence);
    }

    [Fact]
    public async Task AppendAsync_UnicodeAndNestedData_VerifiesAfterReread()
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);
        var data = new JsonObject
        {
            ["note"] = "crème brûlée <&> \"quoted\" \u2028",
            ["weights"] = new JsonArray(0.1, 1e-300, -2.5),
            ["nested"] = new JsonObject { ["z"] = true, ["a"] = null },
        };

        AuditEntry entry = await ledger.AppendAsync(new AuditEvent("alpha.weights", null, Trace, data));

        AuditVerificationResult result = await AuditLedgerVerifier.VerifyAsync(store, LedgerPath);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(entry.Hash, result.Head.LastHash);
    }
}
