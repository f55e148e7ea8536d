using System.Globalization;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A parsed, validated Azure Storage connection string: account name, account key (kept private) and the
/// Blob and Queue endpoints. <see cref="ToString"/> never shows the key.
/// </summary>
/// <remarks>
/// Accepted keys (case-insensitive): <c>AccountName</c>, <c>AccountKey</c>, <c>DefaultEndpointsProtocol</c>
/// (https by default), <c>EndpointSuffix</c> (core.windows.net by default), <c>BlobEndpoint</c>,
/// <c>QueueEndpoint</c>, and <c>UseDevelopmentStorage=true</c> (the Azurite well-known account
/// <c>devstoreaccount1</c> on 127.0.0.1:10000/10001). Other keys (<c>TableEndpoint</c>, <c>FileEndpoint</c>)
/// are ignored. Reference: learn.microsoft.com/azure/storage/common/storage-configure-connection-string.
/// </remarks>
public sealed class StorageConnectionString
{
    /// <summary>The Azurite well-known account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The Azurite well-known account key (public, documented in the Azurite README).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly byte[] _accountKey;

    private StorageConnectionString(string accountName, byte[] accountKey, Uri blobEndpoint, Uri queueEndpoint, bool isDevelopmentStorage)
    {
        AccountName = accountName;
        _accountKey = accountKey;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        IsDevelopmentStorage = isDevelopmentStorage;
    }

    /// <summary>The storage account name (signs every request).</summary>
    public string AccountName { get; }

    /// <summary>The Blob service endpoint, e.g. <c>https://acct.blob.core.windows.net</c> or <c>http://127.0.0.1:10000/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>True for <c>UseDevelopmentStorage=true</c>.</summary>
    public bool IsDevelopmentStorage { get; }

    /// <summary>The decoded account key, for the signer only.</summary>
    internal ReadOnlySpan<byte> AccountKey => _accountKey;

    /// <summary>Parses a connection string.</summary>
    /// <exception cref="ArgumentException">A key is missing or malformed; the message names the key, never the secret.</exception>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Dictionary<string, string> settings = Split(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out string? dev))
        {
            if (!string.Equals(dev, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid("UseDevelopmentStorage must be 'true' when present.");
            }

            return Development(new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName), new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName));
        }

        string accountName = Required(settings, "AccountName");
        string key = Required(settings, "AccountKey");
        byte[] keyBytes = DecodeKey(key);

        string protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("https" or "http"))
        {
            throw Invalid($"DefaultEndpointsProtocol must be 'http' or 'https', got '{protocol}'.");
        }

        string suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri blob = Endpoint(settings, "BlobEndpoint", $"{protocol}://{accountName}.blob.{suffix}");
        Uri queue = Endpoint(settings, "QueueEndpoint", $"{protocol}://{accountName}.queue.{suffix}");
        return new StorageConnectionString(accountName, keyBytes, blob, queue, isDevelopmentStorage: false);
    }

    /// <summary>The Azurite well-known account at explicit endpoints (e.g. a test instance on free ports).</summary>
    public static StorageConnectionString Development(Uri blobEndpoint, Uri queueEndpoint)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        return new StorageConnectionString(DevelopmentAccountName, Convert.FromBase64String(DevelopmentAccountKey), blobEndpoint, queueEndpoint, isDevelopmentStorage: true);
    }

    /// <summary>A copy with another account key (e.g. after key rotation).</summary>
    public StorageConnectionString WithAccountKey(string accountKey) =>
        new(AccountName, DecodeKey(accountKey), BlobEndpoint, QueueEndpoint, IsDevelopmentStorage);

    /// <summary>The settings with the key redacted: safe to log.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"AccountName={AccountName};AccountKey=***;BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint}");

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                // Never echo the part: it may be (a fragment of) the key.
                throw Invalid("every setting must be 'Name=Value'.");
            }

            string name = part[..eq].Trim();
            if (!settings.TryAdd(name, part[(eq + 1)..].Trim()))
            {
                throw Invalid($"setting '{name}' appears twice.");
            }
        }

        return settings;
    }

    private static string Required(Dictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out string? value) && value.Length > 0 ? value : throw Invalid($"'{name}' is missing.");

    private static byte[] DecodeKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out int written) && written > 0
            ? buffer[..written]
            : throw Invalid("'AccountKey' is not valid base64.");
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string name, string fallback)
    {
        string text = settings.GetValueOrDefault(name, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw Invalid($"'{name}' is not an absolute http(s) URI: '{text}'.");
    }

    private static ArgumentException Invalid(string what) =>
        new($"Invalid storage connection string: {what}");
}
