using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class AzuriteOutageTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    [Fact]
    public async Task StorageDown_RequestsFailClearly_ThenDataIsBackAfterRestart()
    {
        BlobContainerClient container = await Clients.NewContainerAsync(AzuriteClients.FastOptions with { MaxRetries = 1 });
        await container.UploadAsync("kept.json", new byte[] { 4, 2 });

        await Azurite.StopAsync();
        var down = await Assert.ThrowsAsync<AzureStorageException>(() => container.GetPropertiesAsync("kept.json"));
        await Azurite.RestartAsync();

        Assert.Null(down.Status);
        Assert.Equal(2, down.Attempts);
        Assert.Contains($"GetBlobProperties on '{container.Name}/kept.json' failed after 2 attempt(s)", down.Message, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 4, 2 }, (await container.DownloadAsync("kept.json"))!.Content.ToArray());
    }

    [Fact]
    public async Task BriefOutage_WithinRetryBudget_RequestSucceeds()
    {
        var patient = AzuriteClients.FastOptions with { MaxRetries = 12, RetryBaseDelay = TimeSpan.FromMilliseconds(200), RetryMaxDelay = TimeSpan.FromSeconds(1) };
        BlobContainerClient container = await Clients.NewContainerAsync(patient);
        await container.UploadAsync("x", new byte[] { 1 });

        await Azurite.StopAsync();
        Task<BlobContent?> read = container.DownloadAsync("x");
        await Azurite.RestartAsync();

        Assert.Equal(new byte[] { 1 }, (await read)!.Content.ToArray());
    }

    [Fact]
    public async Task Fixture_MissingInstall_FailsSayingHowToInstall()
    {
        using AzuriteFixture missing = AzuriteFixture.ForExecutable("/nonexistent/azurite");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(missing.InitializeAsync);

        Assert.Equal(
            "Azurite is not installed at '/nonexistent/azurite'. Run ./test.sh (or bash scripts/install-test-tools.sh), which installs it into .cache/azurite, or set QF_AZURITE_BIN.",
            ex.Message);
    }
}
