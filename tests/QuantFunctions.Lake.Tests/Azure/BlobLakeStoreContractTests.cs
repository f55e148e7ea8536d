using Azure.Storage.Blobs;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Lake.Tests.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>The whole ILakeStore contract against BlobLakeStore (Azure SDK) on Azurite, one fresh container per test.</summary>
/// <remarks>Small blocks (256 KiB, threshold 512 KiB) and 300 KiB read chunks so the contract's larger objects go through block uploads and ranged reads.</remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class BlobLakeStoreContractTests(AzuriteFixture azurite) : LakeStoreContractTests
{
    private readonly AzuriteClients _clients = new(azurite);
    private BlobContainerClient? _container;

    internal static BlobLakeStoreOptions SmallBlocks { get; } = new()
    {
        BlockSize = 256 * 1024,
        SingleUploadThreshold = 512 * 1024,
        ReadChunkSize = 300 * 1024,
    };

    protected override async Task<ILakeStore> CreateStoreAsync()
    {
        _container = _clients.Container();
        return await BlobLakeStore.OpenAsync(_container, options: SmallBlocks);
    }

    protected override async Task DisposeStoreAsync(ILakeStore store) => await _container!.DeleteIfExistsAsync();
}
