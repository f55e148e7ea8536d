using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>Clients against the shared Azurite with fast, bounded retries; one fresh container/queue per call.</summary>
public sealed class AzuriteClients : IDisposable
{
    public AzuriteClients(AzuriteFixture azurite, HttpMessageHandler? handler = null)
    {
        Azurite = azurite;
        Connection = StorageConnectionString.Parse(azurite.ConnectionString);
        Http = handler is null ? new HttpClient() : new HttpClient(handler);
    }

    /// <summary>Small blocks and thresholds so block uploads and ranged reads are exercised with KB-sized data; millisecond retries.</summary>
    public static AzureStorageOptions FastOptions { get; } = new()
    {
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
    };

    public AzuriteFixture Azurite { get; }

    public StorageConnectionString Connection { get; }

    public HttpClient Http { get; }

    public async Task<BlobContainerClient> NewContainerAsync(AzureStorageOptions? options = null, CapturingLogger<BlobContainerClient>? logger = null)
    {
        var container = new BlobContainerClient(Connection, Azurite.UniqueName("c"), Http, options ?? FastOptions, logger: logger);
        Assert.True(await container.CreateIfNotExistsAsync());
        return container;
    }

    public void Dispose() => Http.Dispose();
}
