using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A storage account connection resolved from settings the way Azure Functions resolves a connection name:
/// a connection string in <c>{name}</c>, or an identity-based connection from <c>{name}__blobServiceUri</c> /
/// <c>{name}__accountName</c> with a Microsoft Entra token credential. Everything a client needs (the Blob client
/// here; the Durable Task Azure Storage backend elsewhere) and nothing it does not.
/// </summary>
/// <remarks>
/// <para>Settings read, for a connection name <c>X</c> (each <c>X__key</c> is also looked up as <c>X:key</c>, the
/// form <c>IConfiguration</c> gives environment variables with <c>__</c>):</para>
/// <list type="table">
/// <item><term><c>X</c></term><description>a connection string (account key, SAS or <c>UseDevelopmentStorage=true</c>); wins over every other form.</description></item>
/// <item><term><c>X__blobServiceUri</c> (or <c>X__serviceUri</c>)</term><description>the Blob endpoint, https (bearer tokens are sent only over TLS).</description></item>
/// <item><term><c>X__accountName</c></term><description>the account; endpoints <c>https://{account}.{blob|queue|table}.core.windows.net</c>.</description></item>
/// <item><term><c>X__queueServiceUri</c>, <c>X__tableServiceUri</c></term><description>optional explicit Queue/Table endpoints (otherwise derived from the account).</description></item>
/// <item><term><c>X__credential</c></term><description><c>managedidentity</c>: <c>ManagedIdentityCredential</c>; absent or anything else: <c>DefaultAzureCredential</c>.</description></item>
/// <item><term><c>X__clientId</c></term><description>the user-assigned managed identity's client id (system-assigned when absent).</description></item>
/// </list>
/// <para>For the Durable Task Azure Storage backend (<c>StorageAccountClientProvider</c>): use
/// <c>new StorageAccountClientProvider(ConnectionString)</c> when <see cref="ConnectionString"/> is set, else
/// <c>new StorageAccountClientProvider(BlobServiceUri, QueueServiceUri, TableServiceUri, Credential)</c> (all set for
/// <c>accountName</c> forms and standard endpoints) or <c>new StorageAccountClientProvider(AccountName, Credential)</c>.</para>
/// <para><see cref="ToString"/> shows the connection name, the Blob endpoint and the authentication kind, never the
/// connection string.</para>
/// </remarks>
public sealed record StorageConnection
{
    /// <summary>The lake's connection name.</summary>
    public const string LakeConnectionName = "QF_STORAGE_CONNECTION";

    /// <summary>The Functions host's storage connection name, the lake's fallback.</summary>
    public const string HostConnectionName = "AzureWebJobsStorage";

    private StorageConnection(
        string name, StorageAuthentication authentication, string? connectionString, string? accountName,
        Uri blobServiceUri, Uri? queueServiceUri, Uri? tableServiceUri, TokenCredential? credential, string? clientId)
    {
        Name = name;
        Authentication = authentication;
        ConnectionString = connectionString;
        AccountName = accountName;
        BlobServiceUri = blobServiceUri;
        QueueServiceUri = queueServiceUri;
        TableServiceUri = tableServiceUri;
        Credential = credential;
        ClientId = clientId;
    }

    /// <summary>The connection name whose settings were used (e.g. <c>AzureWebJobsStorage</c> after a fallback).</summary>
    public string Name { get; }

    /// <summary>How requests are authenticated.</summary>
    public StorageAuthentication Authentication { get; }

    /// <summary>The connection string for <see cref="StorageAuthentication.ConnectionString"/>, else null. A secret: never log it.</summary>
    public string? ConnectionString { get; }

    /// <summary>The storage account name, when known (always for <c>accountName</c> forms and connection strings with an account).</summary>
    public string? AccountName { get; }

    /// <summary>The Blob service endpoint (no query string).</summary>
    public Uri BlobServiceUri { get; }

    /// <summary>The Queue service endpoint of an identity-based connection, when given or derivable; null for connection strings.</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>The Table service endpoint of an identity-based connection, when given or derivable; null for connection strings.</summary>
    public Uri? TableServiceUri { get; }

    /// <summary>The token credential of an identity-based connection; null for connection strings.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>The user-assigned managed identity's client id (<c>{name}__clientId</c>), when set.</summary>
    public string? ClientId { get; }

    /// <summary>
    /// Resolves connection <paramref name="connectionName"/> from <paramref name="settings"/>.
    /// </summary>
    /// <param name="connectionName">The connection name, e.g. <c>QF_STORAGE_CONNECTION</c>.</param>
    /// <param name="settings">Looks a setting up by name; null or empty when it is not set.</param>
    /// <param name="credential">Used instead of the credential the settings select (identity-based forms only).</param>
    /// <exception cref="ArgumentException">No form of the connection is set (the message names the settings looked for), or a setting is invalid (named, never echoing a secret).</exception>
    public static StorageConnection Resolve(string connectionName, Func<string, string?> settings, TokenCredential? credential = null) =>
        TryResolve(connectionName, settings, credential) ?? throw new ArgumentException(
            $"No storage connection '{connectionName}': set {FormsOf(connectionName)}.");

    /// <summary>Resolves <paramref name="connectionName"/>, or returns null when none of its forms is set.</summary>
    /// <param name="connectionName">The connection name.</param>
    /// <param name="settings">Looks a setting up by name; null or empty when it is not set.</param>
    /// <param name="credential">Used instead of the credential the settings select (identity-based forms only).</param>
    /// <exception cref="ArgumentException">A form is set but invalid or incomplete.</exception>
    public static StorageConnection? TryResolve(string connectionName, Func<string, string?> settings, TokenCredential? credential = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        ArgumentNullException.ThrowIfNull(settings);
        string? connectionString = Read(settings, connectionName);
        if (connectionString is not null)
        {
            return FromConnectionString(connectionName, connectionString);
        }

        string? Sub(string key) => Read(settings, connectionName + "__" + key) ?? Read(settings, connectionName + ":" + key);
        (string Key, string? Value) blob = Sub("blobServiceUri") is { } b ? ("blobServiceUri", b) : ("serviceUri", Sub("serviceUri"));
        string? account = Sub("accountName");
        string? queue = Sub("queueServiceUri");
        string? table = Sub("tableServiceUri");
        string? credentialKind = Sub("credential");
        string? clientId = Sub("clientId");
        if (blob.Value is null && account is null)
        {
            // Only the optional parts of an identity-based connection are set: that is a mistake, not "no connection".
            string? stray = queue is not null ? "queueServiceUri"
                : table is not null ? "tableServiceUri"
                : credentialKind is not null ? "credential"
                : clientId is not null ? "clientId"
                : null;
            return stray is null
                ? null
                : throw new ArgumentException(
                    $"Storage connection '{connectionName}' is incomplete: '{connectionName}__{stray}' is set but neither '{connectionName}__blobServiceUri' nor '{connectionName}__accountName'.");
        }

        if (account is not null && !IsAccountName(account))
        {
            throw new ArgumentException(
                $"Setting '{connectionName}__accountName' is not a storage account name (3-24 lowercase letters and digits): '{account}'.");
        }

        Uri blobUri = blob.Value is null ? Endpoint(account!, "blob") : ServiceUri(connectionName, blob.Key, blob.Value);
        string? accountName = account ?? AccountOf(blobUri);
        Uri? queueUri = queue is null ? Derived(blobUri, "queue") : ServiceUri(connectionName, "queueServiceUri", queue);
        Uri? tableUri = table is null ? Derived(blobUri, "table") : ServiceUri(connectionName, "tableServiceUri", table);

        (StorageAuthentication kind, TokenCredential token) = credential is not null
            ? (StorageAuthentication.InjectedCredential, credential)
            : string.Equals(credentialKind, "managedidentity", StringComparison.OrdinalIgnoreCase)
                ? (StorageAuthentication.ManagedIdentity, new ManagedIdentityCredential(
                    clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId)))
                : (StorageAuthentication.DefaultAzureCredential, (TokenCredential)new DefaultAzureCredential(
                    new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }));
        return new StorageConnection(connectionName, kind, null, accountName, blobUri, queueUri, tableUri, token, clientId);
    }

    /// <summary>
    /// The lake's connection: <see cref="LakeConnectionName"/> (<c>QF_STORAGE_CONNECTION</c>), or
    /// <see cref="HostConnectionName"/> (<c>AzureWebJobsStorage</c>) when none of the former's forms is set.
    /// </summary>
    /// <param name="settings">Looks a setting up by name; null or empty when it is not set.</param>
    /// <param name="credential">Used instead of the credential the settings select (identity-based forms only).</param>
    /// <exception cref="ArgumentException">Neither connection is set (the message names both), or the one used is invalid.</exception>
    public static StorageConnection ResolveLake(Func<string, string?> settings, TokenCredential? credential = null) =>
        TryResolve(LakeConnectionName, settings, credential)
            ?? TryResolve(HostConnectionName, settings, credential)
            ?? throw new ArgumentException(
                $"No storage connection for the blob lake: set {FormsOf(LakeConnectionName)}; or the same forms of '{HostConnectionName}'.");

    /// <summary>The connection name, Blob endpoint and authentication kind; never the connection string.</summary>
    public override string ToString() => $"{Name}: {BlobServiceUri} ({Authentication})";

    private static StorageConnection FromConnectionString(string name, string connectionString)
    {
        BlobServiceClient parsed;
        try
        {
            parsed = new BlobServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // Neither the value nor the parser's message (which may quote it) goes into the error: it can hold a key.
            throw new ArgumentException(
                $"Setting '{name}' is not a valid storage connection string (expected e.g. 'UseDevelopmentStorage=true' or 'AccountName=...;AccountKey=...'; error {ex.GetType().Name}).");
        }

        string? account = string.IsNullOrEmpty(parsed.AccountName) ? null : parsed.AccountName;
        return new StorageConnection(name, StorageAuthentication.ConnectionString, connectionString, account, WithoutQuery(parsed.Uri), null, null, null, null);
    }

    private static string FormsOf(string name) =>
        $"'{name}' to a connection string (e.g. UseDevelopmentStorage=true), or '{name}__blobServiceUri' or '{name}__accountName' for an identity-based connection " +
        $"(optionally '{name}__credential=managedidentity' and '{name}__clientId')";

    private static string? Read(Func<string, string?> settings, string key) =>
        settings(key) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsAccountName(string name) =>
        name.Length is >= 3 and <= 24 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));

    private static Uri Endpoint(string account, string service) => new($"https://{account}.{service}.core.windows.net/");

    private static Uri ServiceUri(string name, string key, string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Setting '{name}__{key}' is not an absolute https URI.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"Setting '{name}__{key}' must be https: an identity-based connection sends bearer tokens, which the Azure SDK sends only over TLS ('{uri.GetLeftPart(UriPartial.Path)}').");
        }

        if (uri.Query.Length > 1)
        {
            // Never echo it: a query on a service URI is most likely a SAS.
            throw new ArgumentException($"Setting '{name}__{key}' must be a service endpoint without a query string (for a SAS, use a connection string in '{name}').");
        }

        return uri;
    }

    private static string? AccountOf(Uri blobServiceUri)
    {
        string account = new BlobUriBuilder(blobServiceUri).AccountName;
        return string.IsNullOrEmpty(account) ? null : account;
    }

    /// <summary>The queue/table endpoint next to a standard <c>{account}.blob.{suffix}</c> blob endpoint; null for other hosts (e.g. a custom domain).</summary>
    private static Uri? Derived(Uri blobServiceUri, string service)
    {
        string host = blobServiceUri.Host;
        int blob = host.IndexOf(".blob.", StringComparison.OrdinalIgnoreCase);
        return blob > 0 ? new UriBuilder(blobServiceUri) { Host = host[..blob] + "." + service + "." + host[(blob + 6)..] }.Uri : null;
    }

    private static Uri WithoutQuery(Uri uri) => uri.Query.Length == 0 ? uri : new UriBuilder(uri) { Query = string.Empty }.Uri;
}
