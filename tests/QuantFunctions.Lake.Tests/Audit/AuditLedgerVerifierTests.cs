using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Audit;

public sealed class AuditLedgerVerifierTests
{
    private static readonly LakePath LedgerPath = LakePath.Parse("_meta/s/runs/r/audit.jsonl");

    private static async Task<(string[] Lines, AuditLedgerHead Head)> LedgerOfFiveAsync()
    {
        var store = new InMemoryLakeStore();
        using var ledger = new AuditLedger(store, LedgerPath);
        for (int i = 0; i < 5; i++)
        {
            await ledger.AppendAsync(AuditLedgerTests.Event("step.done", i));
        }

        string text = Encoding.UTF8.GetString((await store.TryReadAsync(LedgerPath))!.Content.Span);
        return (text.TrimEnd('\n').Split('\n'), await ledger.GetHeadAsync());
    }

    private static AuditVerificationResult Verify(IEnumerable<string> lines, AuditLedgerHead? head = null) =>
        AuditLedgerVerifier.Verify(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))), head);

    [Fact]
    public async Task Verify_IntactLedger_IsValidWithHead()
    {
        (string[] lines, AuditLedgerHead head) = await LedgerOfFiveAsync();

        AuditVerificationResult result = Verify(lines, head);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(5, result.EntryCount);
        Assert.Equal(head, result.Head);
    }

    [Fact]
    public void Verify_Empty_IsValidWithGenesisHead()
    {
        AuditVerificationResult result = AuditLedgerVerifier.Verify([], new AuditLedgerHead(0, new string('0', 64)));

        Assert.True(result.IsValid);
        Assert.Equal(0, result.EntryCount);
    }

    [Fact]
    public async Task Verify_EditedData_ReportsHashMismatchAtThatEntry()
    {
        (string[] lines, _) = await LedgerOfFiveAsync();
        lines[2] = lines[2].Replace("\"value\":2", "\"value\":3", StringComparison.Ordinal);

        AuditVerificationResult result = Verify(lines);

        Assert.Equal(AuditFailureReason.HashMismatch, result.Failure);
        Assert.Equal(2, result.FailedSequence);
        Assert.Equal(3, result.FailedLine);
        Assert.Equal(2, result.EntryCount);
        Assert.Contains("seq 2", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedDataAndRehashed_ReportsPrevHashMismatchAtNextEntry()
    {
        // A forger who edits entry 1 and recomputes its hash still breaks entry 2's prev_hash.
        (string[] lines, _) = await LedgerOfFiveAsync();
        JsonObject forged = JsonNode.Parse(lines[1])!.AsObject();
        forged["data"]!["value"] = 99;
        var entry = new AuditEntry(1, "step.done", null, AuditLedgerTests.Trace, forged["data"]!.AsObject().DeepClone().AsObject(), (string)forged["prev_hash"]!, "");
        string hash = AuditLine.ComputeHash(entry);
        lines[1] = AuditLine.Serialize(entry with { Hash = hash });

        AuditVerificationResult result = Verify(lines);

        Assert.Equal(AuditFailureReason.PrevHashMismatch, result.Failure);
        Assert.Equal(2, result.FailedSequence);
    }

    [Fact]
    public async Task Verify_DeletedLine_ReportsSequenceMismatch()
    {
        (string[] lines, _) = await LedgerOfFiveAsync();

        AuditVerificationResult result = Verify(lines.Where((_, i) => i != 1));

        Assert.Equal(AuditFailureReason.SequenceMismatch, result.Failure);
        Assert.Equal(1, result.FailedSequence);
        Assert.Equal(2, result.FailedLine);
    }

    [Fact]
    public async Task Verify_ReorderedLines_ReportsSequenceMismatch()
    {
        (string[] lines, _) = await LedgerOfFiveAsync();
        (lines[3], lines[4]) = (lines[4], lines[3]);

        AuditVerificationResult result = Verify(lines);

        Assert.Equal(AuditFailureReason.SequenceMismatch, result.Failure);
        Assert.Equal(3, result.FailedSequence);
    }

    [Fact]
    public async Task Verify_TruncatedMidLine_ReportsMalformedLastLine()
    {
        (string[] lines, _) = await LedgerOfFiveAsync();
        string text = string.Concat(lines.Select(l => l + "\n"));

        AuditVerificationResult result = AuditLedgerVerifier.Verify(Encoding.UTF8.GetBytes(text[..^20]));

        Assert.Equal(AuditFailureReason.MalformedLine, result.Failure);
        Assert.Equal(4, result.FailedSequence);
    }

    [Fact]
    public async Task Verify_WholeEntriesCutOff_ValidChainButHeadMismatch()
    {
        (string[] lines, AuditLedgerHead head) = await LedgerOfFiveAsync();

        AuditVerificationResult chainOnly = Verify(lines[..3]);
        AuditVerificationResult withHead = Verify(lines[..3], head);

        Assert.True(chainOnly.IsValid);
        Assert.Equal(AuditFailureReason.HeadMismatch, withHead.Failure);
        Assert.Equal(3, withHead.FailedSequence);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"seq\":0}")]
    [InlineData("{\"seq\":0,\"seq\":0}")]
    [InlineData("{\"seq\":0,\"kind\":\"a\",\"node\":null,\"trace_id\":\"t\",\"data\":[],\"prev_hash\":\"x\",\"hash\":\"y\"}")]
    [InlineData("{\"seq\":1.5,\"kind\":\"a\",\"node\":null,\"trace_id\":\"t\",\"data\":{},\"prev_hash\":\"x\",\"hash\":\"y\"}")]
    [InlineData("{\"seq\":0,\"kind\":7,\"node\":null,\"trace_id\":\"t\",\"data\":{},\"prev_hash\":\"x\",\"hash\":\"y\"}")]
    [InlineData("{\"seq\":0,\"kind\":\"a\",\"node\":null,\"trace_id\":\"t\",\"data\":{\"k\":1,\"k\":2},\"prev_hash\":\"x\",\"hash\":\"y\"}")]
    public void Verify_GarbageLine_ReportsMalformed(string line)
    {
        AuditVerificationResult result = Verify([line]);

        Assert.Equal(AuditFailureReason.MalformedLine, result.Failure);
        Assert.Equal(0, result.FailedSequence);
        Assert.Equal(1, result.FailedLine);
    }

    [Fact]
    public async Task Verify_UnknownFieldAdded_ReportsMalformed()
    {
        (string[] lines, _) = await LedgerOfFiveAsync();
        lines[0] = lines[0].Replace("{\"seq\"", "{\"extra\":1,\"seq\"", StringComparison.Ordinal);

        AuditVerificationResult result = Verify(lines);

        Assert.Equal(AuditFailureReason.MalformedLine, result.Failure);
        Assert.Contains("extra", result.Message, StringComparison.Ordinal);
    }
}
