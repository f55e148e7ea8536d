namespace QuantFunctions.Lake.Storage;

/// <summary>What a store knows about one object.</summary>
/// <param name="Path">The object's lake path.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="ETag">An opaque version tag; changes on every write (for conditional writes).</param>
public sealed record LakeObjectInfo(LakePath Path, long Size, string ETag);
