using System.Xml;
using System.Xml.Linq;
using Azure;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Azure;

/// <summary>
/// Turns Blob SDK failures into lake errors that name the operation and the container/blob. Service responses are
/// summarised (status, error code, the first line of the service's message) and not attached: the SDK's full
/// exception text includes response content, which for a 403 on Azure can quote the request signature.
/// </summary>
internal static class BlobErrors
{
    private const string ContainerNotFound = "ContainerNotFound";

    /// <summary>True for what the SDK throws when a request fails (a service error, or retries exhausted on connection faults).</summary>
    public static bool IsStorageFailure(Exception ex) => ex is RequestFailedException or AggregateException;

    /// <summary>A 404 about the blob itself; a missing container is a configuration error, not absence.</summary>
    public static bool IsBlobMissing(RequestFailedException ex) =>
        ex.Status == 404 && !string.Equals(ex.ErrorCode, ContainerNotFound, StringComparison.Ordinal);

    /// <summary>A failed write condition (If-None-Match, If-Match) or a lease held by someone else.</summary>
    public static bool IsConflict(RequestFailedException ex) => ex.Status is 409 or 412;

    /// <summary>The lake error for a failed SDK call.</summary>
    /// <param name="ex">What the SDK threw (<see cref="IsStorageFailure"/>).</param>
    /// <param name="operation">The operation, e.g. <c>Upload</c>.</param>
    /// <param name="resource">The container, or container/blob.</param>
    /// <param name="path">The lake path (the root for container operations).</param>
    public static LakeException Map(Exception ex, string operation, string resource, LakePath path)
    {
        if (ex is RequestFailedException { Status: > 0 } failed)
        {
            (string? bodyCode, string? message) = ErrorBody(failed);
            string? code = failed.ErrorCode ?? bodyCode;
            string summary = $"{failed.Status} {code ?? failed.GetRawResponse()?.ReasonPhrase}{(message is null ? string.Empty : $" ({message})")}";
            return failed.Status == 403
                ? new LakeAccessDeniedException(
                    $"{operation} on '{resource}' was refused: {summary}. Check the storage connection's credentials: an identity needs a Blob data role " +
                    "(e.g. Storage Blob Data Contributor) on the account; a connection string needs the right account key or a SAS allowing the operation.",
                    path)
                : new BlobLakeException($"{operation} on '{resource}' failed: {summary}.", path, operation, failed.Status, code);
        }

        // No response: the SDK's retries ran out on connection faults (AggregateException) or none were allowed.
        return new BlobLakeException($"{operation} on '{resource}' failed, storage unreachable: {ex.Message}", path, operation, 0, null, ex);
    }

    /// <summary>The error code and the first line of the message from the XML error body; nulls when there is none.</summary>
    private static (string? Code, string? Message) ErrorBody(RequestFailedException ex)
    {
        BinaryData? body = ex.GetRawResponse()?.Content;
        if (body is null || body.ToMemory().Length is 0 or > 64 * 1024)
        {
            return (null, null);
        }

        try
        {
            XElement? root = XDocument.Parse(body.ToString()).Root;
            string? code = root?.Element("Code")?.Value.Trim();
            string? message = root?.Element("Message")?.Value.Split('\n')[0].Trim();
            return (string.IsNullOrEmpty(code) ? null : code, string.IsNullOrEmpty(message) ? null : message);
        }
        catch (XmlException)
        {
            // Not the documented XML error body; the status and header error code still say what happened.
            return (null, null);
        }
    }
}
