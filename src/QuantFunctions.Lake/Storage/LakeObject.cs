namespace QuantFunctions.Lake.Storage;

/// <summary>An object's content read whole, with its version tag.</summary>
/// <param name="Info">Path, size and ETag at the time of the read.</param>
/// <param name="Content">The bytes.</param>
public sealed record LakeObject(LakeObjectInfo Info, ReadOnlyMemory<byte> Content);
