using Azure.Storage.Blobs;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class AzuriteOutageTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    [Fact]
    public async Task StorageDown_RequestsFailClearly_ThenDataIsBackAfterRestart()
    {
        var clients = new AzuriteClients(Azurite, configure: o => o.Retry.MaxRetries = 1);
        BlobLakeStore store = await BlobLakeStore.OpenAsync(clients.Container());
        LakePath path = LakePath.Parse("gold/kept.json");
        await store.WriteAsync(path, new byte[] { 4, 2 }, LakeWriteMode.CreateOnly);

        await Azurite.StopAsync();
        BlobLakeException down;
        try
        {
            down = await Assert.ThrowsAsync<BlobLakeException>(() => store.GetInfoAsync(path));
        }
        finally
        {
            await Azurite.RestartAsync();
        }

        Assert.Equal(ErrorCodes.LakeUnavailable, down.Code);
        Assert.Equal(0, down.Status);
        Assert.Equal(path, down.Path);
        Assert.StartsWith($"GetProperties on '{store.Container.Name}/gold/kept.json' failed, storage unreachable: Retry failed after 2 tries.", down.Message, StringComparison.Ordinal);
        Assert.NotNull(down.InnerException);
        Assert.Equal(new byte[] { 4, 2 }, (await store.TryReadAsync(path))!.Content.ToArray());
    }

    [Fact]
    public async Task BriefOutage_WithinRetryBudget_RequestSucceeds()
    {
        var patient = new AzuriteClients(Azurite, configure: o =>
        {
            o.Retry.MaxRetries = 12;
            o.Retry.Delay = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        });
        BlobLakeStore store = await BlobLakeStore.OpenAsync(patient.Container());
        await store.WriteAsync(LakePath.Parse("x/y"), new byte[] { 1 }, LakeWriteMode.CreateOnly);

        await Azurite.StopAsync();
        Task<LakeObject?> read = store.TryReadAsync(LakePath.Parse("x/y"));
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
