using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>SDK clients against the shared Azurite with fast, bounded retries; one fresh container per call.</summary>
public sealed class AzuriteClients
{
    public AzuriteClients(AzuriteFixture azurite, HttpMessageHandler? handler = null, Action<BlobClientOptions>? configure = null)
    {
        Azurite = azurite;
        Options = FastOptions(handler);
        configure?.Invoke(Options);
        Service = new BlobServiceClient(azurite.ConnectionString, Options);
    }

    public AzuriteFixture Azurite { get; }

    public BlobClientOptions Options { get; }

    public BlobServiceClient Service { get; }

    /// <summary>The pinned service version, 3 retries from 5 ms (capped at 50 ms), and an optional fault-injecting handler as transport.</summary>
    public static BlobClientOptions FastOptions(HttpMessageHandler? handler = null)
    {
        BlobClientOptions options = BlobServiceClientFactory.CreateOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        if (handler is not null)
        {
            options.Transport = new HttpClientTransport(new HttpClient(handler));
        }

        return options;
    }

    /// <summary>A client for a fresh container name (not created).</summary>
    public BlobContainerClient Container(string? name = null) => Service.GetBlobContainerClient(name ?? Azurite.UniqueName("c"));

    /// <summary>A fresh, created container.</summary>
    public async Task<BlobContainerClient> NewContainerAsync()
    {
        BlobContainerClient container = Container();
        await container.CreateAsync();
        return container;
    }
}
