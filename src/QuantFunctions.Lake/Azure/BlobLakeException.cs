using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// A Blob Storage request of the blob lake failed for a reason that is not a lake outcome (not a conflict, not
/// absence, not access denied): storage unreachable after the SDK's retries, a missing container, a server error.
/// The message names the operation and the container/blob; it never carries a key, SAS or request signature.
/// </summary>
public sealed class BlobLakeException : LakeException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">Names the operation, the container/blob, the status and the service's error code.</param>
    /// <param name="path">The lake path involved (the root for container-level operations).</param>
    /// <param name="operation">The operation, e.g. <c>Upload</c>, <c>GetProperties</c>.</param>
    /// <param name="status">The final HTTP status; 0 when no response arrived (connection faults).</param>
    /// <param name="errorCode">The service's error code, e.g. <c>ContainerNotFound</c>.</param>
    /// <param name="inner">The transport failure (only for connection faults; service responses are summarised in the message).</param>
    public BlobLakeException(string message, LakePath path, string operation, int status, string? errorCode, Exception? inner = null)
        : base(message, path, inner)
    {
        Operation = operation;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>Creates the error.</summary>
    public BlobLakeException() : this("Blob lake request failed.")
    {
    }

    /// <summary>Creates the error.</summary>
    public BlobLakeException(string message) : base(message) => Operation = string.Empty;

    /// <summary>Creates the error.</summary>
    public BlobLakeException(string message, Exception inner) : base(message, inner) => Operation = string.Empty;

    /// <summary>The operation, e.g. <c>Upload</c>, <c>Download</c>, <c>GetProperties</c>, <c>CreateContainer</c>.</summary>
    public string Operation { get; }

    /// <summary>The final HTTP status; 0 when no response arrived (storage unreachable).</summary>
    public int Status { get; }

    /// <summary>The service's error code (<c>x-ms-error-code</c>), e.g. <c>ContainerNotFound</c>, <c>ServerBusy</c>; null when none.</summary>
    public string? ErrorCode { get; }
}
