namespace QuantFunctions.Lake.Azure;

/// <summary>One page of a List Blobs call.</summary>
/// <param name="Blobs">The blobs on this page, in the service's (lexical) order.</param>
/// <param name="NextMarker">The marker for the next page; null on the last page.</param>
public sealed record BlobListPage(IReadOnlyList<BlobProperties> Blobs, string? NextMarker);
