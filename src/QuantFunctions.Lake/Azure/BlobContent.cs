namespace QuantFunctions.Lake.Azure;

/// <summary>Bytes read from a blob (whole or a range) and the blob's properties at the time of the read.</summary>
/// <param name="Properties">The blob's properties; <see cref="BlobProperties.Size"/> is the whole blob's length.</param>
/// <param name="Offset">Offset of <paramref name="Content"/> within the blob.</param>
/// <param name="Content">The bytes read.</param>
public sealed record BlobContent(BlobProperties Properties, long Offset, ReadOnlyMemory<byte> Content);
