using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Tests.Runs;

public sealed class RunRecordStoreTests
{
    private static readonly LakeIdentifier Scope = LakeIdentifier.Parse("crypto_long");
    private static readonly RunId Run = RunId.Parse("r-0001");
    private static readonly NodeKey Allocate = NodeKey.Parse("alpha.allocate[crypto_long]");

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static DatasetFingerprint Fingerprint()
    {
        LakePath partition = LakePath.Parse("silver/binance_spot/returns/version=1.0.0/daily_returns/year=2024");
        return DatasetFingerprint.Create(Sha("m"), SchemaVersion.V1, [partition], [new FingerprintedFile(partition.Append("part-00000.parquet"), 3, Sha("abc"))]);
    }

    private static RunRecord Record() => new()
    {
        RunId = Run,
        Scope = Scope,
        PipelineId = LakeIdentifier.Parse("sleeve"),
        PipelineVersion = SemVer.Parse("1.2.0"),
        Kind = PipelineKind.Model,
        Status = RunStatus.Failed,
        ParamsHash = Sha("params"),
        ManifestHash = Sha("manifest"),
        GitSha = "0123abc",
        Inputs = [new InputFingerprint("daily_returns", Fingerprint())],
        Outputs = [new OutputLocation("weights", LakePath.Parse("gold/crypto_long/sleeve/version=1.2.0/weights/run=r-0001"))],
        Nodes =
        [
            new NodeState { Node = NodeKey.Parse("alpha.select"), Status = NodeStatus.Succeeded, Attempts = 1, InputFingerprint = Sha("in") },
            new NodeState { Node = Allocate, Status = NodeStatus.Failed, Attempts = 3, Error = new NodeError("TimeoutException", "node timed out after 00:05:00", "timeout") },
            new NodeState { Node = NodeKey.Parse("report.tearsheet"), Status = NodeStatus.Skipped },
        ],
        AuditHead = new AuditLedgerHead(4, Sha("head")),
        StartedAt = new DateTimeOffset(2026, 11, 21, 13, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task WriteRunAsync_ThenRead_RoundTripsEveryField()
    {
        var store = new InMemoryLakeStore();
        var records = new RunRecordStore(store);
        RunRecord record = Record();

        LakeObjectInfo info = await records.WriteRunAsync(record);
        Versioned<RunRecord>? read = await records.ReadRunAsync(Scope, Run);

        Assert.Equal(LakePath.Parse("_meta/crypto_long/runs/r-0001/run.json"), info.Path);
        Assert.NotNull(read);
        Assert.Equal(info.ETag, read.ETag);
        Assert.Equal(RunRecordStore.Serialize(record), RunRecordStore.Serialize(read.Value));
        Assert.Equal(record.Nodes[1], read.Value.Nodes[1] with { Outputs = record.Nodes[1].Outputs });
        Assert.Equal(record.Inputs[0].Fingerprint, read.Value.Inputs[0].Fingerprint);
    }

    [Fact]
    public void Serialize_RunRecord_SnakeCaseStableOrderEnumsAsStrings()
    {
        string json = Encoding.UTF8.GetString(RunRecordStore.Serialize(Record()));

        Assert.StartsWith("{\n  \"format_version\": 1,\n  \"run_id\": \"r-0001\",\n  \"scope\": \"crypto_long\",\n  \"pipeline_id\": \"sleeve\",\n  \"pipeline_version\": \"1.2.0\",\n  \"kind\": \"model\",\n  \"status\": \"failed\",", json, StringComparison.Ordinal);
        Assert.Contains("\"node\": \"alpha.allocate[crypto_long]\"", json, StringComparison.Ordinal);
        Assert.Contains("\"schema_version\": \"v1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"skipped\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("completed_at", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteRunAsync_StaleETag_ThrowsConflict()
    {
        var records = new RunRecordStore(new InMemoryLakeStore());
        LakeObjectInfo first = await records.WriteRunAsync(Record());
        await records.WriteRunAsync(Record() with { Status = RunStatus.Succeeded }, first.ETag);

        await Assert.ThrowsAsync<LakeConflictException>(() => records.WriteRunAsync(Record(), first.ETag));
    }

    [Fact]
    public async Task ReadRunAsync_Missing_ReturnsNull()
    {
        Assert.Null(await new RunRecordStore(new InMemoryLakeStore()).ReadRunAsync(Scope, Run));
    }

    [Theory]
    [InlineData("{", "not a valid RunRecord")]
    [InlineData("{\"run_id\":\"r-0001\"}", "not a valid RunRecord")]
    [InlineData("null", "JSON null")]
    public async Task ReadRunAsync_MalformedJson_ThrowsNamingPath(string json, string expected)
    {
        var store = new InMemoryLakeStore();
        LakePath path = LakePathResolver.RunRecord(Scope, Run);
        await store.WriteAsync(path, Encoding.UTF8.GetBytes(json), LakeWriteMode.CreateOnly);

        var e = await Assert.ThrowsAsync<RunRecordFormatException>(() => new RunRecordStore(store).ReadRunAsync(Scope, Run));
        Assert.Equal(ErrorCodes.RunRecordInvalid, e.Code);

        Assert.Equal(path, e.Path);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"scope\": \"crypto_long\"", "\"scope\": \"Crypto Long\"", "Invalid identifier")]
    [InlineData("\"format_version\": 1", "\"format_version\": 1, \"surprise\": 1", "surprise")]
    [InlineData("\"kind\": \"model\"", "\"kind\": \"sideways\"", "not a valid RunRecord")]
    [InlineData("\"run_id\": \"r-0001\"", "\"run_id\": \"r-0002\"", "not crypto_long/r-0001")]
    [InlineData("\"format_version\": 1", "\"format_version\": 2", "format_version 2")]
    [InlineData("\"format_version\": 1", "\"format_version\": 1, \"scope\": \"other\"", "not a valid RunRecord")]
    [InlineData("\"git_sha\": \"0123abc\"", "\"git_sha\": \"0123ABC\"", "git_sha")]
    public async Task ReadRunAsync_InvalidContent_ThrowsNamingProblem(string from, string to, string expected)
    {
        var store = new InMemoryLakeStore();
        LakePath path = LakePathResolver.RunRecord(Scope, Run);
        string json = Encoding.UTF8.GetString(RunRecordStore.Serialize(Record())).Replace(from, to, StringComparison.Ordinal);
        await store.WriteAsync(path, Encoding.UTF8.GetBytes(json), LakeWriteMode.CreateOnly);

        var e = await Assert.ThrowsAsync<RunRecordFormatException>(() => new RunRecordStore(store).ReadRunAsync(Scope, Run));
        Assert.Equal(ErrorCodes.RunRecordInvalid, e.Code);

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadRunAsync_TamperedInputFingerprint_Throws()
    {
        var store = new InMemoryLakeStore();
        string json = Encoding.UTF8.GetString(RunRecordStore.Serialize(Record())).Replace("\"size\": 3", "\"size\": 4", StringComparison.Ordinal);
        await store.WriteAsync(LakePathResolver.RunRecord(Scope, Run), Encoding.UTF8.GetBytes(json), LakeWriteMode.CreateOnly);

        var e = await Assert.ThrowsAsync<RunRecordFormatException>(() => new RunRecordStore(store).ReadRunAsync(Scope, Run));
        Assert.Equal(ErrorCodes.RunRecordInvalid, e.Code);

        Assert.Contains("daily_returns", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("params")]
    [InlineData("git")]
    public async Task WriteRunAsync_MalformedHash_ThrowsAndWritesNothing(string which)
    {
        var store = new InMemoryLakeStore();
        RunRecord bad = which == "params" ? Record() with { ParamsHash = "xyz" } : Record() with { GitSha = "HEAD" };

        await Assert.ThrowsAsync<ArgumentException>(() => new RunRecordStore(store).WriteRunAsync(bad));

        Assert.Null(await store.GetInfoAsync(LakePathResolver.RunRecord(Scope, Run)));
    }

    [Fact]
    public async Task WriteStageAsync_ThenReadAll_RoundTripsInPathOrder()
    {
        var records = new RunRecordStore(new InMemoryLakeStore());
        StageRecord allocate = new()
        {
            RunId = Run,
            Scope = Scope,
            Node = Allocate,
            StageId = "alpha.allocate",
            Status = NodeStatus.Succeeded,
            Attempts = 1,
            Parameters = new JsonObject { ["lookback"] = 60, ["method"] = "inverse_vol" },
            ParamsHash = Sha("p"),
            Inputs = [new InputFingerprint("daily_returns", Fingerprint())],
            Outputs = [new OutputLocation("weights", LakePath.Parse("gold/crypto_long/sleeve/version=1.2.0/weights/run=r-0001/part-00000.parquet"))],
        };
        StageRecord select = allocate with { Node = NodeKey.Parse("alpha.select"), StageId = "alpha.select", Parameters = null };

        await records.WriteStageAsync(select);
        LakeObjectInfo info = await records.WriteStageAsync(allocate);
        var all = new List<StageRecord>();
        await foreach (StageRecord s in records.ReadStagesAsync(Scope, Run))
        {
            all.Add(s);
        }

        Assert.Equal("_meta/crypto_long/runs/r-0001/stages/alpha.allocate@crypto_long/stage.json", info.Path.Value);
        Assert.Equal([Allocate, NodeKey.Parse("alpha.select")], all.ConvertAll(s => s.Node));
        Assert.Equal(60, (int)all[0].Parameters!["lookback"]!);
        Assert.Equal(RunRecordStore.Serialize(allocate), RunRecordStore.Serialize(all[0]));
    }
}
