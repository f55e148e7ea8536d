using Microsoft.Extensions.Logging;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.Hosting;

/// <summary>Opens the lake the settings describe (creating the blob container if needed).</summary>
public static class LakeStoreFactory
{
    /// <summary>Opens the lake.</summary>
    /// <param name="settings">File or blob lake.</param>
    /// <param name="http">A long-lived HttpClient for the blob lake.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="cancellationToken">Cancels container creation.</param>
    /// <exception cref="ArgumentException">Unknown kind, or a blob lake without a connection string.</exception>
    public static async Task<ILakeStore> OpenAsync(LakeSettings settings, HttpClient http, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        switch (settings.Kind)
        {
            case "file":
                Directory.CreateDirectory(settings.Root);
                return new FileSystemLakeStore(settings.Root);
            case "blob":
                StorageConnectionString connection = StorageConnectionString.Parse(
                    settings.Connection ?? throw new ArgumentException("A blob lake needs a storage connection string (QF_STORAGE_CONNECTION or AzureWebJobsStorage)."));
                var container = new BlobContainerClient(connection, settings.Container, http, logger: loggerFactory.CreateLogger<BlobContainerClient>());
                await container.CreateIfNotExistsAsync(cancellationToken);
                return new BlobLakeStore(container);
            default:
                throw new ArgumentException($"Unknown lake kind '{settings.Kind}': use 'file' or 'blob'.");
        }
    }
}
