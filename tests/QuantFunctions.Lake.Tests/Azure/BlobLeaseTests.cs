using System.Net;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobLeaseTests(AzuriteFixture azurite) : AzuriteTests(azurite)
{
    [Fact]
    public async Task TryAcquireLease_WhileHeld_ReturnsNullUntilReleased()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("run.json", new byte[] { 1 });

        string? first = await container.TryAcquireLeaseAsync("run.json", TimeSpan.FromSeconds(15));
        string? second = await container.TryAcquireLeaseAsync("run.json", duration: null);
        await container.RenewLeaseAsync("run.json", first!);
        await container.ReleaseLeaseAsync("run.json", first!);
        string? third = await container.TryAcquireLeaseAsync("run.json", duration: null);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
        await container.ReleaseLeaseAsync("run.json", third!);
    }

    [Fact]
    public async Task Write_LeasedBlob_NeedsTheLeaseId()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("leased", new byte[] { 1 });
        string lease = (await container.TryAcquireLeaseAsync("leased", duration: null))!;

        var withoutLease = await Assert.ThrowsAsync<AzureStorageException>(() => container.UploadAsync("leased", new byte[] { 2 }));
        await container.UploadAsync("leased", new byte[] { 3 }, new BlobWriteConditions { LeaseId = lease });
        var deleteWithout = await Assert.ThrowsAsync<AzureStorageException>(() => container.DeleteAsync("leased"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, withoutLease.Status);
        Assert.Equal("LeaseIdMissing", withoutLease.ErrorCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, deleteWithout.Status);
        Assert.Equal(new byte[] { 3 }, (await container.DownloadAsync("leased"))!.Content.ToArray());
        Assert.True(await container.DeleteAsync("leased", new BlobWriteConditions { LeaseId = lease }));
    }

    [Fact]
    public async Task BlockWrite_LeasedBlob_CarriesLeaseIdOnBlocksAndCommit()
    {
        var options = AzuriteClients.FastOptions with { BlockSize = 64 * 1024, BlockUploadThreshold = 64 * 1024 };
        BlobContainerClient container = await Clients.NewContainerAsync(options);
        await container.UploadAsync("state", new byte[] { 1 });
        string lease = (await container.TryAcquireLeaseAsync("state", duration: null))!;

        BlobProperties written = await container.UploadAsync("state", new byte[150 * 1024], new BlobWriteConditions { LeaseId = lease });

        Assert.Equal(150 * 1024, written.Size);
        Assert.Equal(150 * 1024, (await container.GetPropertiesAsync("state"))!.Size);
    }

    [Fact]
    public async Task BreakLease_InfiniteLease_LetsAnotherAcquire()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("b", new byte[] { 1 });
        await container.TryAcquireLeaseAsync("b", duration: null);

        TimeSpan remaining = await container.BreakLeaseAsync("b", TimeSpan.Zero);
        string? next = await container.TryAcquireLeaseAsync("b", TimeSpan.FromSeconds(20));

        Assert.Equal(TimeSpan.Zero, remaining);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task ReleaseLease_WrongId_Throws409()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("w", new byte[] { 1 });
        await container.TryAcquireLeaseAsync("w", duration: null);

        var ex = await Assert.ThrowsAsync<AzureStorageException>(() => container.ReleaseLeaseAsync("w", "6a7c3a6e-0000-4000-8000-000000000001"));

        Assert.Equal(HttpStatusCode.Conflict, ex.Status);
        Assert.Equal("ReleaseLease", ex.Operation);
    }

    [Fact]
    public async Task TryAcquireLease_ProposedId_UsesIt()
    {
        BlobContainerClient container = await Clients.NewContainerAsync();
        await container.UploadAsync("p", new byte[] { 1 });

        string? lease = await container.TryAcquireLeaseAsync("p", duration: null, proposedLeaseId: "0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", lease);
    }
}
