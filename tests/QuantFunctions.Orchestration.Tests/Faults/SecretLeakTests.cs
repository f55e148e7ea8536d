using Microsoft.Extensions.Logging;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Tests.Azurite;
using QuantFunctions.Stages.Hosting;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Faults;

/// <summary>The storage account key never reaches logs, run records, the ledger, forensic traces or exception messages.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SecretLeakTests(AzuriteFixture azurite)
{
    /// <summary>A recognisable key that is not Azurite's (base64 of an ASCII marker); requests signed with it are refused.</summary>
    private static readonly string ForeignKey = Convert.ToBase64String("QF-SECRET-KEY-MUST-NEVER-LEAK-0123456789abcdefghij"u8);

    [Fact]
    public async Task RunAsync_DemoDataOpsOnBlobLake_AccountKeyInNoLogRecordLedgerTraceOrException()
    {
        using var loggers = new CapturingLoggerFactory();
        using var http = new HttpClient();
        var container = new BlobContainerClient(
            StorageConnectionString.Parse(azurite.ConnectionString), azurite.UniqueName("secret"), http, logger: loggers.CreateLogger<BlobContainerClient>());
        await container.CreateIfNotExistsAsync();
        var lake = new BlobLakeStore(container);
        using (var runtime = PipelineRuntime.Create(lake, new RunnerOptions { MaxParallelism = 2 }, loggers, TimeProvider.System))
        {
            await StorageOutageTests.RunDataOpsAsync(runtime, "secret");
        }

        // A request signed with the foreign key is refused (403): its exception and logs must not carry that key either.
        string foreign = azurite.ConnectionString.Replace(AzuriteFixture.AccountKey, ForeignKey, StringComparison.Ordinal);
        var refused = new BlobContainerClient(
            StorageConnectionString.Parse(foreign), container.Name, http, new AzureStorageOptions { MaxRetries = 0 }, logger: loggers.CreateLogger<BlobContainerClient>());
        AzureStorageException error = await Assert.ThrowsAsync<AzureStorageException>(() => refused.UploadAsync("probe.txt", "x"u8.ToArray()));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.Status);

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
        string[] texts = [.. loggers.Lines, .. records, error.Message, error.ToString()];
        foreach (string secret in new[] { AzuriteFixture.AccountKey, ForeignKey, "SharedKey " })
        {
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.Ordinal));
        }
    }
}
