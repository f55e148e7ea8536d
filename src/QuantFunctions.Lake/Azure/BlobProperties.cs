namespace QuantFunctions.Lake.Azure;

/// <summary>What the Blob service reports about one blob.</summary>
/// <param name="Name">The blob name within its container.</param>
/// <param name="Size">Its length in bytes (the whole blob, also for a ranged read).</param>
/// <param name="ETag">The quoted ETag (e.g. <c>"0x8DC…"</c>), usable in If-Match.</param>
/// <param name="LastModified">Last write time reported by the service, when known.</param>
public sealed record BlobProperties(string Name, long Size, string ETag, DateTimeOffset? LastModified);
