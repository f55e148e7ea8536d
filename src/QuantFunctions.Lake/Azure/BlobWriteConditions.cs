namespace QuantFunctions.Lake.Azure;

/// <summary>Conditions and lease for a blob write (Put Blob, Put Block List, Delete).</summary>
/// <remarks>
/// A failed condition surfaces as <see cref="AzureStorageException"/> with status 409 (<c>BlobAlreadyExists</c>)
/// or 412 (<c>ConditionNotMet</c>, <c>LeaseIdMissing</c>, …). Reference: learn.microsoft.com/rest/api/storageservices/
/// specifying-conditional-headers-for-blob-service-operations.
/// </remarks>
public sealed record BlobWriteConditions
{
    /// <summary>Create-only: fail when the blob exists (<c>If-None-Match: *</c>).</summary>
    public static BlobWriteConditions CreateOnly { get; } = new() { IfNoneMatch = "*" };

    /// <summary>Write only if the blob's ETag equals this (quoted) value.</summary>
    public string? IfMatch { get; init; }

    /// <summary>Write only if the blob's ETag differs (<c>*</c>: only if no blob exists).</summary>
    public string? IfNoneMatch { get; init; }

    /// <summary>The active lease id, required when the blob is leased.</summary>
    public string? LeaseId { get; init; }

    /// <summary>Replace only the blob at this ETag.</summary>
    public static BlobWriteConditions IfMatches(string etag) => new() { IfMatch = etag };

    internal void Apply(HttpRequestMessage request)
    {
        if (IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        if (IfNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", IfNoneMatch);
        }

        if (LeaseId is not null)
        {
            request.Headers.TryAddWithoutValidation("x-ms-lease-id", LeaseId);
        }
    }
}
