using Azure.Core;
using Azure.Storage.Blobs;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// Builds <see cref="BlobServiceClient"/>s from a connection name and a settings lookup (as Azure Functions does:
/// connection string, or identity-based with a token credential; see <see cref="StorageConnection"/>).
/// </summary>
/// <remarks>
/// Clients use <see cref="CreateOptions"/> unless given options: the REST API version is pinned to
/// <see cref="ServiceVersion"/>, which both Azure and the Azurite the tests and local runs use (3.35) accept.
/// The SDK's default retries apply (exponential: 5 retries from 0.8 s, at most 1 min apart; 100 s network timeout); tune them on
/// <see cref="global::Azure.Core.ClientOptions.Retry"/>.
/// </remarks>
public static class BlobServiceClientFactory
{
    /// <summary>The Blob REST API version every client asks for.</summary>
    public const BlobClientOptions.ServiceVersion ServiceVersion = BlobClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>Fresh client options with the pinned <see cref="ServiceVersion"/> and the SDK's defaults otherwise.</summary>
    public static BlobClientOptions CreateOptions() => new(ServiceVersion);

    /// <summary>A client for <paramref name="connection"/>: from its connection string, or its Blob endpoint and token credential.</summary>
    /// <param name="connection">A resolved connection.</param>
    /// <param name="options">Client options (retries, transport); null: <see cref="CreateOptions"/>.</param>
    public static BlobServiceClient Create(StorageConnection connection, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= CreateOptions();
        return connection.ConnectionString is { } connectionString
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(connection.BlobServiceUri, connection.Credential!, options);
    }

    /// <summary>Resolves <paramref name="connectionName"/> (<see cref="StorageConnection.Resolve"/>) and builds its client.</summary>
    /// <param name="connectionName">The connection name, e.g. <c>QF_STORAGE_CONNECTION</c>.</param>
    /// <param name="settings">Looks a setting up by name; null or empty when it is not set.</param>
    /// <param name="options">Client options; null: <see cref="CreateOptions"/>.</param>
    /// <param name="credential">Used instead of the credential the settings select (identity-based forms only).</param>
    /// <exception cref="ArgumentException">The connection is not set (the message names the settings looked for) or invalid.</exception>
    public static BlobServiceClient Create(string connectionName, Func<string, string?> settings, BlobClientOptions? options = null, TokenCredential? credential = null) =>
        Create(StorageConnection.Resolve(connectionName, settings, credential), options);
}
