using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Fingerprints;

/// <summary>One file a dataset read matched.</summary>
/// <param name="Path">The object's lake path.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="ContentHash">SHA-256 of its content, lowercase hex.</param>
public sealed record FingerprintedFile(LakePath Path, long Size, string ContentHash);
