using Azure.Storage.Blobs;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Hosting;

/// <summary>Opens the lake the settings describe (creating the blob container if needed).</summary>
public static class LakeStoreFactory
{
    /// <summary>Opens the lake with the default Blob client options (<see cref="BlobServiceClientFactory.CreateOptions"/>).</summary>
    /// <param name="settings">File or blob lake.</param>
    /// <param name="cancellationToken">Cancels container creation.</param>
    /// <exception cref="ArgumentException">Unknown kind, or a blob lake without a storage connection.</exception>
    /// <exception cref="LakeAccessDeniedException">The blob lake's credentials may not read or create the container.</exception>
    /// <exception cref="BlobLakeException">Storage unreachable or another failure while opening the container.</exception>
    public static Task<ILakeStore> OpenAsync(LakeSettings settings, CancellationToken cancellationToken = default) =>
        OpenAsync(settings, blobOptions: null, cancellationToken);

    /// <summary>Opens the lake.</summary>
    /// <param name="settings">File or blob lake.</param>
    /// <param name="blobOptions">Blob client options (retries, transport); null: <see cref="BlobServiceClientFactory.CreateOptions"/>.</param>
    /// <param name="cancellationToken">Cancels container creation.</param>
    /// <exception cref="ArgumentException">Unknown kind, or a blob lake without a storage connection.</exception>
    /// <exception cref="LakeAccessDeniedException">The blob lake's credentials may not read or create the container.</exception>
    /// <exception cref="BlobLakeException">Storage unreachable or another failure while opening the container.</exception>
    public static async Task<ILakeStore> OpenAsync(LakeSettings settings, BlobClientOptions? blobOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Kind)
        {
            case LakeSettings.FileKind:
                Directory.CreateDirectory(settings.Root);
                return new FileSystemLakeStore(settings.Root);
            case LakeSettings.BlobKind:
                StorageConnection storage = settings.Storage ?? throw new ArgumentException(
                    $"A blob lake needs a storage connection ({StorageConnection.LakeConnectionName} or {StorageConnection.HostConnectionName}).", nameof(settings));
                BlobServiceClient service = BlobServiceClientFactory.Create(storage, blobOptions);
                return await BlobLakeStore.OpenAsync(service.GetBlobContainerClient(settings.Container), cancellationToken: cancellationToken);
            default:
                throw new ArgumentException($"Unknown lake kind '{settings.Kind}': use 'file' or 'blob'.", nameof(settings));
        }
    }
}
