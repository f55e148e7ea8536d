using System.Globalization;
using System.Net;

namespace QuantFunctions.Lake.Azure;

/// <summary>Lease Blob: acquire, renew, release, break.</summary>
/// <remarks>
/// A leased blob refuses writes and deletes that do not carry the lease id (412 <c>LeaseIdMissing</c>); pass it
/// in <see cref="BlobWriteConditions.LeaseId"/>. Finite leases last 15–60 s and must be renewed; an infinite
/// lease lasts until released or broken. Reference: learn.microsoft.com/rest/api/storageservices/lease-blob.
/// </remarks>
public sealed partial class BlobContainerClient
{
    /// <summary>Acquires a lease; null when another holder has it (409 <c>LeaseAlreadyPresent</c>).</summary>
    /// <param name="blobName">An existing blob.</param>
    /// <param name="duration">15–60 s, or null for an infinite lease.</param>
    /// <param name="proposedLeaseId">A GUID-formatted lease id to use (e.g. a worker's id); null lets the service choose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The lease id, needed to renew, release and write.</returns>
    /// <exception cref="AzureStorageException">The blob does not exist (404) or another failure.</exception>
    public async Task<string?> TryAcquireLeaseAsync(string blobName, TimeSpan? duration, string? proposedLeaseId = null, CancellationToken cancellationToken = default)
    {
        string seconds = "-1";
        if (duration is { } d)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(d, TimeSpan.FromSeconds(15), nameof(duration));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(d, TimeSpan.FromSeconds(60), nameof(duration));
            seconds = ((int)d.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        using HttpResponseMessage response = await LeaseAsync("AcquireLease", blobName, "acquire", request =>
        {
            request.Headers.TryAddWithoutValidation("x-ms-lease-duration", seconds);
            if (proposedLeaseId is not null)
            {
                request.Headers.TryAddWithoutValidation("x-ms-proposed-lease-id", proposedLeaseId);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return null;
        }

        await EnsureAsync(response, "AcquireLease", Resource(blobName), cancellationToken).ConfigureAwait(false);
        return StorageHttpPipeline.Header(response, "x-ms-lease-id") ?? proposedLeaseId
            ?? throw new AzureStorageException($"AcquireLease on '{Resource(blobName)}' returned no lease id.");
    }

    /// <summary>Renews a finite lease for another full duration.</summary>
    /// <exception cref="AzureStorageException">The lease was lost (409, e.g. <c>LeaseIdMismatchWithLeaseOperation</c>) or another failure.</exception>
    public async Task RenewLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await LeaseAsync("RenewLease", blobName, "renew", request => request.Headers.TryAddWithoutValidation("x-ms-lease-id", leaseId), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "RenewLease", Resource(blobName), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases a lease so another client can acquire it at once.</summary>
    /// <exception cref="AzureStorageException">The lease id does not match (409) or another failure.</exception>
    public async Task ReleaseLeaseAsync(string blobName, string leaseId, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await LeaseAsync("ReleaseLease", blobName, "release", request => request.Headers.TryAddWithoutValidation("x-ms-lease-id", leaseId), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "ReleaseLease", Resource(blobName), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Breaks the current lease (whoever holds it) after <paramref name="breakPeriod"/> (null: at once for infinite leases, at expiry for finite ones).</summary>
    /// <returns>Time until the lease is broken, as reported by the service.</returns>
    public async Task<TimeSpan> BreakLeaseAsync(string blobName, TimeSpan? breakPeriod = null, CancellationToken cancellationToken = default)
    {
        using HttpResponseMessage response = await LeaseAsync("BreakLease", blobName, "break", request =>
        {
            if (breakPeriod is { } p)
            {
                request.Headers.TryAddWithoutValidation("x-ms-lease-break-period", ((int)p.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            }
        }, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, "BreakLease", Resource(blobName), cancellationToken).ConfigureAwait(false);
        return int.TryParse(StorageHttpPipeline.Header(response, "x-ms-lease-time"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s)
            ? TimeSpan.FromSeconds(s) : TimeSpan.Zero;
    }

    private Task<HttpResponseMessage> LeaseAsync(string operation, string blobName, string action, Action<HttpRequestMessage> configure, CancellationToken cancellationToken)
    {
        Uri uri = BlobUri(blobName, ("comp", "lease"));
        return SendAsync(operation, Resource(blobName), () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, uri);
            request.Headers.TryAddWithoutValidation("x-ms-lease-action", action);
            configure(request);
            return request;
        }, cancellationToken);
    }
}
