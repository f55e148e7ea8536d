using System.Security.Cryptography;
using Azure.Storage.Blobs;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// <c>QF_LAKE=blob</c> against a real Azurite gives the same behaviour as the file lake: the demo runs on
/// Blob Storage and writes byte-identical gold objects.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class BlobLakeDemoTests
{
    private readonly AzuriteFixture _azurite;

    public BlobLakeDemoTests(AzuriteFixture azurite) => _azurite = azurite;

    [Fact]
    public async Task Demo_OnBlobLake_WritesTheSameGoldAsOnTheFileLake()
    {
        string container = _azurite.UniqueName("demo");
        CliOutcome blob = await CliHarness.RunWithEnvironmentAsync(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["QF_LAKE"] = "blob",
                ["QF_STORAGE_CONNECTION"] = _azurite.ConnectionString,
                ["QF_LAKE_CONTAINER"] = container,
            },
            "demo");
        blob.AssertExit(0);
        Assert.Contains($"blob container '{container}'", blob.Output, StringComparison.Ordinal);

        using var lake = new TempDirectory("qf-demo-file");
        (await CliHarness.RunAsync(lake.Path, "demo")).AssertExit(0);

        var store = new BlobLakeStore(new BlobServiceClient(_azurite.ConnectionString, BlobServiceClientFactory.CreateOptions()).GetBlobContainerClient(container));
        var blobGold = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (LakeObjectInfo info in store.ListAsync(LakePath.Parse("gold")))
        {
            LakeObject obj = (await store.TryReadAsync(info.Path))!;
            blobGold[info.Path.Value] = Convert.ToHexStringLower(SHA256.HashData(obj.Content.Span));
        }

        var fileGold = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string goldRoot = Path.Combine(lake.Path, "gold");
        foreach (string file in Directory.GetFiles(goldRoot, "*", SearchOption.AllDirectories))
        {
            string name = Path.GetFileName(file);
            if (!name.StartsWith(".qf-", StringComparison.Ordinal))
            {
                fileGold["gold/" + Path.GetRelativePath(goldRoot, file).Replace('\\', '/')] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            }
        }

        Assert.True(fileGold.Count > 40, $"only {fileGold.Count} gold files");
        Assert.Equal(fileGold, blobGold);
    }
}
