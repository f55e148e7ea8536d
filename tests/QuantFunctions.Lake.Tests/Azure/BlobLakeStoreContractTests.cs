using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Lake.Tests.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>The whole ILakeStore contract against BlobLakeStore on Azurite, one fresh container per test.</summary>
/// <remarks>Small blocks (256 KiB, threshold 512 KiB) and a 1 MiB whole-read threshold so the contract's larger objects go through block uploads and ranged reads.</remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class BlobLakeStoreContractTests(AzuriteFixture azurite) : LakeStoreContractTests, IDisposable
{
    private readonly AzuriteClients _clients = new(azurite);
    private BlobContainerClient? _container;

    internal static AzureStorageOptions SmallBlocks { get; } = AzuriteClients.FastOptions with
    {
        BlockSize = 256 * 1024,
        BlockUploadThreshold = 512 * 1024,
        WholeReadThreshold = 1024 * 1024,
        ReadChunkSize = 300 * 1024,
    };

    protected override async Task<ILakeStore> CreateStoreAsync()
    {
        _container = await _clients.NewContainerAsync(SmallBlocks);
        return new BlobLakeStore(_container);
    }

    protected override async Task DisposeStoreAsync(ILakeStore store) => await _container!.DeleteIfExistsAsync();

    public void Dispose() => _clients.Dispose();
}
