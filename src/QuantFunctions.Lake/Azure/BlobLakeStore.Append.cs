using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Azure;

/// <summary>Appends (append blobs), ranged reads, and recognising a write whose answer was lost.</summary>
public sealed partial class BlobLakeStore
{
    /// <summary>
    /// The metadata a conditional write stores its own random id under. A write id, not the content's hash: two writers
    /// that compute the same content from the same version (two increments of one counter) are two writes, and only one
    /// may win.
    /// </summary>
    internal const string WriteIdKey = "qfwriteid";

    private const string InvalidBlobType = "InvalidBlobType";

    /// <inheritdoc/>
    /// <remarks>
    /// <para>An append blob: Create Append Blob if absent (for <paramref name="expectedLength"/> 0), then one Append Block
    /// with <c>x-ms-blob-condition-appendpos</c> = <paramref name="expectedLength"/>; a failed position (412) whose blob holds
    /// this content at that position is this append, retried after a lost answer, and succeeds. An append blob takes at
    /// most 50,000 appends (then a <see cref="BlobLakeException"/> <c>BlockCountExceedsLimit</c>).</para>
    /// <para>An object written whole (a block blob, e.g. a ledger from before appends) is appended to by rewriting it
    /// with If-Match.</para>
    /// </remarks>
    public async Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        LakeStoreGuards.EnsureAppend(path, expectedLength);
        AppendBlobClient blob = _container.GetAppendBlobClient(Name(path));
        try
        {
            if (expectedLength == 0)
            {
                await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var options = new AppendBlobAppendBlockOptions
            {
                Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = expectedLength, IfMatch = expectedETag is null ? null : new ETag(expectedETag) },
            };
            using Stream block = BinaryData.FromBytes(content).ToStream();
            BlobAppendInfo appended = (await blob.AppendBlockAsync(block, options, cancellationToken).ConfigureAwait(false)).Value;
            return new LakeObjectInfo(path, expectedLength + content.Length, Tag(appended.ETag));
        }
        catch (RequestFailedException ex) when (ex.Status == 412 || BlobErrors.IsBlobMissing(ex))
        {
            LakeObject? stored = await TryReadFromAsync(path, expectedLength, cancellationToken).ConfigureAwait(false);
            return stored is not null && !stored.Content.IsEmpty && LakeStoreGuards.HoldsAppend(stored.Content.Span, content.Span)
                ? stored.Info
                : throw LakeStoreGuards.AppendConflict(path, stored?.Info, expectedLength, expectedETag);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && string.Equals(ex.ErrorCode, InvalidBlobType, StringComparison.Ordinal))
        {
            return await RewriteAppendAsync(path, content, expectedLength, expectedETag, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "AppendBlock", Resource(path), path);
        }
    }

    /// <inheritdoc/>
    /// <remarks>One ranged GET from <paramref name="offset"/>; at or past the end (416), Get Properties for the object's info.</remarks>
    public async Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (offset == 0)
        {
            return await TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        }

        BlobClient blob = Blob(path);
        try
        {
            BlobDownloadResult result = (await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(offset) }, cancellationToken).ConfigureAwait(false)).Value;
            ReadOnlyMemory<byte> content = result.Content.ToMemory();
            return new LakeObject(new LakeObjectInfo(path, TotalLength(result.Details, content.Length), Tag(result.Details.ETag)), content);
        }
        catch (RequestFailedException ex) when (BlobErrors.IsBlobMissing(ex))
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 416)
        {
            LakeObjectInfo? info = await GetInfoAsync(path, cancellationToken).ConfigureAwait(false);
            return info is null ? null : new LakeObject(info, ReadOnlyMemory<byte>.Empty);
        }
        catch (Exception ex) when (BlobErrors.IsStorageFailure(ex))
        {
            throw BlobErrors.Map(ex, "Download", Resource(path), path);
        }
    }

    private static string NewWriteId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    /// <summary>The blob's info when this write is what it holds (its write id in metadata); null when another writer's is.</summary>
    private static async Task<LakeObjectInfo?> OwnWriteAsync(BlobClient blob, LakePath path, string writeId, CancellationToken cancellationToken)
    {
        try
        {
            BlobProperties properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return properties.Metadata.TryGetValue(WriteIdKey, out string? stored) && string.Equals(stored, writeId, StringComparison.Ordinal)
                ? new LakeObjectInfo(path, properties.ContentLength, Tag(properties.ETag))
                : null;
        }
        catch (RequestFailedException ex) when (BlobErrors.IsBlobMissing(ex))
        {
            return null;
        }
    }

    /// <summary>Appends to a block blob by rewriting it whole with If-Match (objects written before appends existed).</summary>
    private async Task<LakeObjectInfo> RewriteAppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag, CancellationToken cancellationToken)
    {
        LakeObject current = await TryReadAsync(path, cancellationToken).ConfigureAwait(false) ?? throw LakeStoreGuards.LengthMismatch(path, expectedLength, null);
        if (!LakeStoreGuards.MeetsAppend(current.Info, expectedLength, expectedETag))
        {
            return current.Content.Length > expectedLength && LakeStoreGuards.HoldsAppend(current.Content.Span[(int)expectedLength..], content.Span)
                ? current.Info
                : throw LakeStoreGuards.AppendConflict(path, current.Info, expectedLength, expectedETag);
        }

        return await WriteIfMatchAsync(path, (byte[])[.. current.Content.Span, .. content.Span], current.Info.ETag, cancellationToken).ConfigureAwait(false);
    }
}
