using System.Text;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// Errors a user can cause are reported as one line, <c>quant &lt;command&gt;: &lt;code&gt;: &lt;message&gt;</c>, with the
/// exit code of the code (docs/errors.md) — never as an unhandled exception with a stack trace.
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class ErrorReportingTests(DemoLake demo)
{
    private const string MetaManifest = "manifests/demo/meta/version=1.0.0/manifest.json";

    [Fact]
    public async Task PipelineRun_ExistingRunIdWithOtherInputs_ExitsTwoWithRunExistsOnOneLine()
    {
        using TempDirectory copy = demo.Copy();

        // The demo recorded run demo-meta as of 2024-01-03; the same id with another as-of is another run.
        CliOutcome outcome = await CliHarness.RunAsync(copy.Path,
            "pipeline", "run", CliHarness.ShippedManifest(MetaManifest), "--run-id", "demo-meta", "--as-of", "2024-01-04");

        outcome.AssertExit(2);
        string line = AssertOneLine(outcome);
        Assert.StartsWith("quant run: run_exists: ", line, StringComparison.Ordinal);
        Assert.Contains("'demo-meta'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParquetCat_UnsupportedCodec_ExitsTwoWithParquetUnsupportedOnOneLine()
    {
        using var temp = new TempDirectory("qf-cli");
        string file = temp.Combine("lzo.parquet");
        File.WriteAllBytes(file, LzoFile());

        CliOutcome outcome = await CliHarness.RunAsync(temp.Path, "parquet", "cat", file);

        outcome.AssertExit(2);
        string line = AssertOneLine(outcome);
        Assert.StartsWith("quant cat: parquet.unsupported: ", line, StringComparison.Ordinal);
        Assert.Contains("LZO", line, StringComparison.Ordinal);
        Assert.Contains("price_col", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineStatus_UnknownRun_ExitsTwoWithRunNotFound()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "pipeline", "status", "nope");

        outcome.AssertExit(2);
        Assert.StartsWith("quant status: run_not_found: ", AssertOneLine(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LakeList_DotDotSegment_ExitsTwoWithInvalidArgument()
    {
        CliOutcome outcome = await CliHarness.RunAsync(demo.Root, "lake", "ls", "gold/../secrets");

        outcome.AssertExit(2);
        Assert.StartsWith("quant ls: input.invalid_argument: ", AssertOneLine(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRegistryCode_ExitsWithAUsageOrAFailureCode() =>
        Assert.All(ErrorCodes.All, c => Assert.Contains(c.ExitCode, (int[])[ExitCodes.UsageError, ExitCodes.RunFailed]));

    private static string AssertOneLine(CliOutcome outcome)
    {
        Assert.DoesNotContain("Unhandled exception", outcome.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.All, StringComparison.Ordinal);
        return Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // A valid Brotli-compressed file whose column chunk then declares LZO (codec 3), which the codec does not read.
    private static byte[] LzoFile()
    {
        var schema = new ParquetSchema([ParquetColumn.Double("price_col")]);
        using var ms = new MemoryStream();
        using (var writer = new ParquetWriter(ms, schema, new ParquetWriterOptions { Codec = ParquetCodec.Brotli }))
        {
            writer.Write([ColumnBuffer.Create(schema.Columns[0], new[] { 1.5, 2.5, 3.5 })]);
            writer.Complete();
        }

        byte[] data = ms.ToArray();

        // ColumnMetaData: ... path_in_schema ["price_col"], then field 4 codec as a compact i32 (header 0x15, zigzag 4 → 0x08).
        byte[] name = Encoding.UTF8.GetBytes("price_col");
        int at = data.AsSpan().LastIndexOf(name) + name.Length;
        Assert.Equal(new byte[] { 0x15, 0x08 }, data[at..(at + 2)]);
        data[at + 1] = 0x06; // zigzag 3: LZO
        return data;
    }
}
