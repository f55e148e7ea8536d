using System.Security.Cryptography;
using System.Text;

namespace QuantFunctions.Lake.Azure;

/// <summary>Block uploads: Put Block and Put Block List.</summary>
/// <remarks>
/// Staged blocks are invisible until Put Block List commits them, so a block upload is atomic; uncommitted
/// blocks are discarded by the service after 7 days or at the blob's next commit. All block ids of one
/// upload have the same length (a random upload id plus a 6-digit index). References:
/// learn.microsoft.com/rest/api/storageservices/put-block and put-block-list.
/// </remarks>
public sealed partial class BlobContainerClient
{
    /// <summary>
    /// Opens a write-only stream that stages a block every <see cref="AzureStorageOptions.BlockSize"/> bytes;
    /// nothing is visible until <see cref="BlockBlobWriteStream.CommitAsync"/>. Content no larger than
    /// <see cref="AzureStorageOptions.BlockUploadThreshold"/> is committed with one Put Blob instead.
    /// </summary>
    /// <param name="blobName">The blob to write.</param>
    /// <param name="leaseId">The active lease id when the blob is leased.</param>
    /// <param name="cancellationToken">Cancels block uploads triggered by synchronous writes.</param>
    public BlockBlobWriteStream OpenBlockWrite(string blobName, string? leaseId = null, CancellationToken cancellationToken = default) =>
        new(this, blobName, leaseId, cancellationToken);

    internal static string NewUploadId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    internal static string BlockId(string uploadId, int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(uploadId + "-" + index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)));

    internal async Task StageBlockAsync(string blobName, string blockId, ReadOnlyMemory<byte> content, string? leaseId, CancellationToken cancellationToken)
    {
        Uri uri = BlobUri(blobName, ("comp", "block"), ("blockid", blockId));
        BlobWriteConditions? lease = leaseId is null ? null : new() { LeaseId = leaseId };
        using HttpResponseMessage response = await SendAsync("PutBlock", Resource(blobName), HttpMethod.Put, uri, lease, content, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "PutBlock", Resource(blobName), cancellationToken).ConfigureAwait(false);
    }

    internal async Task<BlobProperties> CommitBlockListAsync(string blobName, IReadOnlyList<string> blockIds, long size, BlobWriteConditions? conditions, CancellationToken cancellationToken)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
        foreach (string id in blockIds)
        {
            xml.Append("<Latest>").Append(id).Append("</Latest>");
        }

        byte[] body = Encoding.UTF8.GetBytes(xml.Append("</BlockList>").ToString());
        Uri uri = BlobUri(blobName, ("comp", "blocklist"));
        using HttpResponseMessage response = await SendAsync("PutBlockList", Resource(blobName), HttpMethod.Put, uri, conditions, body, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "PutBlockList", Resource(blobName), cancellationToken).ConfigureAwait(false);
        return WrittenProperties(blobName, size, response);
    }
}
