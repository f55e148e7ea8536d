using System.Net;
using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Orchestration.Queue;

/// <summary>
/// A held lease on a lock blob (created empty on first use): the run lease serialises re-planning of a run, the
/// node claim lease keeps a duplicate delivery from running a node twice at once. Disposing releases it.
/// </summary>
internal sealed class BlobLease : IAsyncDisposable
{
    private readonly BlobContainerClient _container;
    private readonly string _blob;
    private readonly string _leaseId;

    private BlobLease(BlobContainerClient container, string blob, string leaseId)
    {
        _container = container;
        _blob = blob;
        _leaseId = leaseId;
    }

    /// <summary>Acquires the lease on <paramref name="blob"/>; null when another holder has it.</summary>
    public static async Task<BlobLease?> TryAcquireAsync(BlobContainerClient container, string blob, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (await container.GetPropertiesAsync(blob, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                await container.UploadAsync(blob, ReadOnlyMemory<byte>.Empty, BlobWriteConditions.CreateOnly, cancellationToken).ConfigureAwait(false);
            }
            catch (AzureStorageException ex) when (ex.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
            {
                // Another worker created it first (possibly already leased).
            }
        }

        string? id = await container.TryAcquireLeaseAsync(blob, duration, cancellationToken: cancellationToken).ConfigureAwait(false);
        return id is null ? null : new BlobLease(container, blob, id);
    }

    /// <summary>Acquires the lease, waiting (with growing pauses up to 200 ms) while another holder has it.</summary>
    public static async Task<BlobLease> AcquireAsync(BlobContainerClient container, string blob, TimeSpan duration, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            BlobLease? lease = await TryAcquireAsync(container, blob, duration, cancellationToken).ConfigureAwait(false);
            if (lease is not null)
            {
                return lease;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200, 10 * attempt)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Renews the lease for another full duration.</summary>
    /// <exception cref="AzureStorageException">The lease was lost.</exception>
    public Task RenewAsync(CancellationToken cancellationToken) => _container.RenewLeaseAsync(_blob, _leaseId, cancellationToken);

    /// <summary>Releases the lease; a lease already lost or expired is not an error.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _container.ReleaseLeaseAsync(_blob, _leaseId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (AzureStorageException ex) when (ex.Status is HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed)
        {
            // Lost (expired and taken): nothing to release.
        }
    }
}
