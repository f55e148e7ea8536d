using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A Blob Storage REST client for one container (SharedKey, API version 2021-08-06): create the container,
/// put (single shot or blocks), get (whole or ranged), properties, list with paging, delete, conditional
/// writes and leases. Transient failures are retried (see <see cref="AzureStorageOptions"/>).
/// </summary>
/// <remarks>The <see cref="HttpClient"/> is borrowed, not disposed. Blob names are '/'-separated paths.</remarks>
public sealed partial class BlobContainerClient
{
    private readonly StorageHttpPipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Creates the client.</summary>
    /// <exception cref="ArgumentException">The container name is not 3–63 lowercase letters, digits and single dashes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public BlobContainerClient(
        StorageConnectionString connection, string containerName, HttpClient http,
        AzureStorageOptions? options = null, TimeProvider? timeProvider = null, ILogger<BlobContainerClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(http);
        StorageNames.Validate(containerName, "container");
        Name = containerName;
        Options = (options ?? new AzureStorageOptions()).Validate();
        _endpoint = connection.BlobEndpoint;
        _pipeline = new StorageHttpPipeline(connection, http, Options, timeProvider ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The validated options.</summary>
    public AzureStorageOptions Options { get; }

    /// <summary>Creates the container when missing; true when this call created it.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendAsync("CreateContainer", Name, HttpMethod.Put, ContainerUri(), null, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await EnsureAsync(response, "CreateContainer", Name, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes the container and every blob in it; false when it did not exist.</summary>
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await SendAsync("DeleteContainer", Name, HttpMethod.Delete, ContainerUri(), null, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureAsync(response, "DeleteContainer", Name, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Uploads bytes atomically: one Put Blob up to <see cref="AzureStorageOptions.BlockUploadThreshold"/>, else
    /// staged blocks committed by one Put Block List (the blob changes only at the commit).
    /// </summary>
    /// <exception cref="AzureStorageException">A condition failed (409/412) or the service refused the write.</exception>
    public async Task<BlobProperties> UploadAsync(string blobName, ReadOnlyMemory<byte> content, BlobWriteConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        if (content.Length <= Options.BlockUploadThreshold)
        {
            return await PutBlobAsync(blobName, content, conditions, cancellationToken).ConfigureAwait(false);
        }

        var blocks = new BlockBlobWriteStream(this, blobName, conditions?.LeaseId, cancellationToken);
        await using (blocks.ConfigureAwait(false))
        {
            await blocks.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            return await blocks.CommitAsync(conditions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Uploads a stream atomically, staging blocks as it is read when it is larger than the threshold.</summary>
    /// <exception cref="AzureStorageException">A condition failed (409/412) or the service refused the write.</exception>
    public async Task<BlobProperties> UploadAsync(string blobName, Stream content, BlobWriteConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blocks = new BlockBlobWriteStream(this, blobName, conditions?.LeaseId, cancellationToken);
        await using (blocks.ConfigureAwait(false))
        {
            await content.CopyToAsync(blocks, Options.BlockSize, cancellationToken).ConfigureAwait(false);
            return await blocks.CommitAsync(conditions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Uploads bytes with one Put Blob (atomic), whatever their size (the service allows up to 5000 MiB).</summary>
    /// <exception cref="AzureStorageException">A condition failed (409/412) or the service refused the write.</exception>
    public async Task<BlobProperties> PutBlobAsync(string blobName, ReadOnlyMemory<byte> content, BlobWriteConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        string resource = Resource(blobName);
        Uri uri = BlobUri(blobName);
        using HttpResponseMessage response = await _pipeline.SendAsync("PutBlob", resource, () =>
        {
            HttpRequestMessage request = NewRequest(HttpMethod.Put, uri, conditions, content);
            request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
            return request;
        }, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "PutBlob", resource, cancellationToken).ConfigureAwait(false);
        return WrittenProperties(blobName, content.Length, response);
    }

    /// <summary>Reads a blob whole, or <paramref name="length"/> bytes from <paramref name="offset"/>; null when it does not exist.</summary>
    /// <exception cref="AzureStorageException">The container does not exist (404 <c>ContainerNotFound</c>), a range is invalid (416), or another failure.</exception>
    /// <param name="blobName">The blob.</param>
    /// <param name="offset">First byte to read.</param>
    /// <param name="length">Bytes to read (null: to the end). A range must lie within the blob (else 416 InvalidRange).</param>
    /// <param name="ifMatch">Read only if the blob still has this ETag (412 otherwise).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<BlobContent?> DownloadAsync(string blobName, long offset = 0, long? length = null, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is { } n)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(length));
        }

        string resource = Resource(blobName);
        Uri uri = BlobUri(blobName);
        using HttpResponseMessage response = await _pipeline.SendAsync("GetBlob", resource, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (offset > 0 || length is not null)
            {
                string end = length is { } len ? (offset + len - 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
                request.Headers.TryAddWithoutValidation("x-ms-range", $"bytes={offset.ToString(CultureInfo.InvariantCulture)}-{end}");
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return request;
        }, cancellationToken).ConfigureAwait(false);
        if (IsBlobMissing(response))
        {
            return null;
        }

        await EnsureAsync(response, "GetBlob", resource, cancellationToken).ConfigureAwait(false);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        long size = response.Content.Headers.ContentRange?.Length ?? bytes.Length;
        var properties = new BlobProperties(blobName, size, ETagOf(response), response.Content.Headers.LastModified);
        return new BlobContent(properties, response.Content.Headers.ContentRange?.From ?? 0, bytes);
    }

    /// <summary>Size, ETag and last-modified time of a blob (Get Blob Properties); null when it does not exist.</summary>
    /// <exception cref="AzureStorageException">The container does not exist (404 <c>ContainerNotFound</c>) or another failure.</exception>
    public async Task<BlobProperties?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        string resource = Resource(blobName);
        using HttpResponseMessage response = await SendAsync("GetBlobProperties", resource, HttpMethod.Head, BlobUri(blobName), null, null, cancellationToken).ConfigureAwait(false);
        if (IsBlobMissing(response))
        {
            return null;
        }

        await EnsureAsync(response, "GetBlobProperties", resource, cancellationToken).ConfigureAwait(false);
        return new BlobProperties(blobName, response.Content.Headers.ContentLength ?? 0, ETagOf(response), response.Content.Headers.LastModified);
    }

    /// <summary>Deletes a blob; false when it did not exist.</summary>
    /// <exception cref="AzureStorageException">The blob is leased and <paramref name="conditions"/> lacks the lease id (412), the container does not exist, or another failure.</exception>
    public async Task<bool> DeleteAsync(string blobName, BlobWriteConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        string resource = Resource(blobName);
        using HttpResponseMessage response = await SendAsync("DeleteBlob", resource, HttpMethod.Delete, BlobUri(blobName), conditions, null, cancellationToken).ConfigureAwait(false);
        if (IsBlobMissing(response))
        {
            return false;
        }

        await EnsureAsync(response, "DeleteBlob", resource, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>One page of blobs whose names start with <paramref name="prefix"/> (List Blobs, flat).</summary>
    /// <param name="prefix">Name prefix (empty: all).</param>
    /// <param name="marker">The previous page's <see cref="BlobListPage.NextMarker"/>, or null for the first page.</param>
    /// <param name="maxResults">Page size, 1–5000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<BlobListPage> ListBlobsPageAsync(string prefix, string? marker = null, int maxResults = 5000, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, 5000);
        var query = new List<(string, string)> { ("restype", "container"), ("comp", "list"), ("maxresults", maxResults.ToString(CultureInfo.InvariantCulture)) };
        if (prefix.Length > 0)
        {
            query.Add(("prefix", prefix));
        }

        if (!string.IsNullOrEmpty(marker))
        {
            query.Add(("marker", marker));
        }

        Uri uri = StorageHttpPipeline.BuildUri(_endpoint, Uri.EscapeDataString(Name), [.. query]);
        string resource = Name + "/" + prefix + "*";
        using HttpResponseMessage response = await SendAsync("ListBlobs", resource, HttpMethod.Get, uri, null, null, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "ListBlobs", resource, cancellationToken).ConfigureAwait(false);
        XElement root = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Root
            ?? throw new AzureStorageException($"ListBlobs on '{resource}' returned an empty body.");
        var blobs = new List<BlobProperties>();
        foreach (XElement blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            XElement? name = blob.Element("Name");
            string blobName = name?.Attribute("Encoded")?.Value == "true" ? Uri.UnescapeDataString(name.Value) : name?.Value ?? string.Empty;
            XElement? props = blob.Element("Properties");
            string etag = props?.Element("Etag")?.Value ?? string.Empty;
            long size = long.Parse(props?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture);
            DateTimeOffset? modified = StorageHttpPipeline.ParseTime(props?.Element("Last-Modified")?.Value);
            blobs.Add(new BlobProperties(blobName, size, etag.StartsWith('"') ? etag : "\"" + etag + "\"", modified));
        }

        string? next = root.Element("NextMarker")?.Value;
        return new BlobListPage(blobs, string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>Every blob whose name starts with <paramref name="prefix"/>, following NextMarker page by page.</summary>
    public async IAsyncEnumerable<BlobProperties> ListBlobsAsync(string prefix, int pageSize = 5000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? marker = null;
        do
        {
            BlobListPage page = await ListBlobsPageAsync(prefix, marker, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (BlobProperties blob in page.Blobs)
            {
                yield return blob;
            }

            marker = page.NextMarker;
        }
        while (marker is not null);
    }

    internal static string ETagOf(HttpResponseMessage response) =>
        response.Headers.ETag?.Tag ?? StorageHttpPipeline.Header(response, "ETag") ?? string.Empty;

    internal Uri BlobUri(string blobName, params ReadOnlySpan<(string Name, string Value)> query)
    {
        ValidateBlobName(blobName);
        return StorageHttpPipeline.BuildUri(_endpoint, Uri.EscapeDataString(Name) + "/" + StorageHttpPipeline.EscapePath(blobName), query);
    }

    internal string Resource(string blobName) => Name + "/" + blobName;

    internal Task<HttpResponseMessage> SendAsync(
        string operation, string resource, HttpMethod method, Uri uri, BlobWriteConditions? conditions, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(operation, resource, () => NewRequest(method, uri, conditions, body), cancellationToken);

    internal Task<HttpResponseMessage> SendAsync(string operation, string resource, Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(operation, resource, create, cancellationToken);

    internal static Task EnsureAsync(HttpResponseMessage response, string operation, string resource, CancellationToken cancellationToken) =>
        StorageHttpPipeline.EnsureSuccessAsync(response, operation, resource, cancellationToken);

    private static bool IsBlobMissing(HttpResponseMessage response) => StorageHttpPipeline.IsItemNotFound(response, "ContainerNotFound");

    internal static BlobProperties WrittenProperties(string blobName, long size, HttpResponseMessage response) =>
        new(blobName, size, ETagOf(response), response.Content.Headers.LastModified);

    /// <summary>A request with the conditions' headers and the optional body (a new one per attempt: a sent request cannot be resent).</summary>
    private static HttpRequestMessage NewRequest(HttpMethod method, Uri uri, BlobWriteConditions? conditions, ReadOnlyMemory<byte>? body)
    {
        var request = new HttpRequestMessage(method, uri) { Content = body is { } bytes ? new ReadOnlyMemoryContent(bytes) : null };
        conditions?.Apply(request);
        return request;
    }

    private Uri ContainerUri() => StorageHttpPipeline.BuildUri(_endpoint, Uri.EscapeDataString(Name), ("restype", "container"));

    private static void ValidateBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
        {
            throw new ArgumentException($"Invalid blob name '{blobName[..64]}…': longer than 1024 characters.", nameof(blobName));
        }
    }
}
