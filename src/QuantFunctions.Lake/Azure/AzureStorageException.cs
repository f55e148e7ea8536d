using System.Net;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A Blob or Queue request failed: names the operation, the resource (container/blob or queue), the HTTP
/// status and the service's error code. Never carries the account key or the request signature.
/// </summary>
public sealed class AzureStorageException : Exception
{
    /// <summary>Creates the error.</summary>
    public AzureStorageException(string message, string operation, string resource, HttpStatusCode? status, string? errorCode, int attempts, Exception? inner = null)
        : base(message, inner)
    {
        Operation = operation;
        Resource = resource;
        Status = status;
        ErrorCode = errorCode;
        Attempts = attempts;
    }

    /// <summary>Creates the error.</summary>
    public AzureStorageException() : this("Azure Storage request failed.") { }

    /// <summary>Creates the error.</summary>
    public AzureStorageException(string message) : this(message, string.Empty, string.Empty, null, null, 0) { }

    /// <summary>Creates the error.</summary>
    public AzureStorageException(string message, Exception inner) : this(message, string.Empty, string.Empty, null, null, 0, inner) { }

    /// <summary>The REST operation, e.g. <c>PutBlob</c>, <c>GetMessages</c>.</summary>
    public string Operation { get; }

    /// <summary>The container/blob or queue the request was about.</summary>
    public string Resource { get; }

    /// <summary>The final HTTP status; null for a connection fault.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The service's error code (<c>x-ms-error-code</c>), e.g. <c>BlobAlreadyExists</c>, <c>LeaseIdMissing</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>How many attempts were made (1 when the failure was not retried).</summary>
    public int Attempts { get; }
}
