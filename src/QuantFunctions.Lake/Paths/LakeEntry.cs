using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>A listed object with its parsed path.</summary>
/// <param name="Info">Path, size and ETag from the listing.</param>
/// <param name="Location">The path's typed parts.</param>
public sealed record LakeEntry(LakeObjectInfo Info, LakeLocation Location);
