using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using Azure.Storage.Blobs;
using QuantFunctions.Core.Errors;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Tests.Azurite;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Faults;

/// <summary>The storage account key never reaches logs (ours or the Azure SDK's), run records, the ledger, forensic traces or exception messages.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SecretLeakTests(AzuriteFixture azurite)
{
    /// <summary>A recognisable key that is not Azurite's (base64 of an ASCII marker); requests signed with it are refused.</summary>
    private static readonly string ForeignKey = Convert.ToBase64String("QF-SECRET-KEY-MUST-NEVER-LEAK-0123456789abcdefghij"u8);

    [Fact]
    public async Task RunAsync_DemoDataOpsOnBlobLake_AccountKeyInNoLogRecordLedgerTraceOrException()
    {
        using var loggers = new CapturingLoggerFactory();
        using var sdkLogs = new AzureEventSourceListener((_, message) => loggers.Lines.Enqueue("Azure SDK: " + message), EventLevel.Verbose);
        StorageConnection connection = StorageConnection.Resolve("QF_STORAGE_CONNECTION", name => name == "QF_STORAGE_CONNECTION" ? azurite.ConnectionString : null);
        BlobContainerClient container = BlobServiceClientFactory.Create(connection).GetBlobContainerClient(azurite.UniqueName("secret"));
        BlobLakeStore lake = await BlobLakeStore.OpenAsync(container);
        using (var runtime = PipelineRuntime.Create(lake, new RunnerOptions { MaxParallelism = 2 }, loggers, TimeProvider.System))
        {
            await StorageOutageTests.RunDataOpsAsync(runtime, "secret");
        }

        // A request signed with the foreign key is refused (403): its exception and logs must not carry that key either.
        string foreign = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, ForeignKey, StringComparison.Ordinal);
        BlobClientOptions noRetries = BlobServiceClientFactory.CreateOptions();
        noRetries.Retry.MaxRetries = 0;
        var refused = new BlobLakeStore(new BlobServiceClient(foreign, noRetries).GetBlobContainerClient(container.Name));
        LakeAccessDeniedException error = await Assert.ThrowsAsync<LakeAccessDeniedException>(
            () => refused.WriteAsync(LakePath.Parse("gold/probe.txt"), "x"u8.ToArray(), LakeWriteMode.Overwrite));
        Assert.Equal(ErrorCodes.LakeAccessDenied, error.Code);

        var records = new List<string>();
        foreach (string name in new[] { "run.json", "forensic_trace.json", "audit.jsonl" })
        {
            string path = $"_meta/demo/runs/secret/{name}";
            LakeObject? stored = await lake.TryReadAsync(LakePath.Parse(path));
            Assert.True(stored is not null, $"{path} missing");
            records.Add(System.Text.Encoding.UTF8.GetString(stored.Content.Span));
        }

        // Every object of the lake (stage records, outputs, manifests), as text.
        await foreach (LakeObjectInfo info in lake.ListAsync(LakePath.Parse("_meta")))
        {
            records.Add(System.Text.Encoding.UTF8.GetString((await lake.TryReadAsync(info.Path))!.Content.Span));
        }

        Assert.NotEmpty(loggers.Lines);
        Assert.Contains(loggers.Lines, l => l.Contains("Authorization:REDACTED", StringComparison.Ordinal)); // the SDK's request logs were captured
        string[] texts = [.. loggers.Lines, .. records, error.Message, error.ToString(), connection.ToString()];
        foreach (string secret in new[] { AzuriteFixture.AccountKey, ForeignKey, "SharedKey " })
        {
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.Ordinal));
        }
    }
}
