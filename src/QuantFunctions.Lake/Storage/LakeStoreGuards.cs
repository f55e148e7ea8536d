namespace QuantFunctions.Lake.Storage;

/// <summary>Checks and error messages shared by the store implementations, so they fail alike.</summary>
internal static class LakeStoreGuards
{
    /// <summary>Objects live below the root; the root is only a listing prefix.</summary>
    public static void EnsureObjectPath(LakePath path)
    {
        if (path.IsRoot)
        {
            throw new ArgumentException("The lake root is not an object path; give a path such as 'gold/...'.", nameof(path));
        }
    }

    public static LakeConflictException Exists(LakePath path) =>
        new($"Create-only write refused: '{path}' already exists.", path);

    public static LakeConflictException LengthMismatch(LakePath path, long expected, long? actual) =>
        new($"Append refused: '{path}' is {(actual is null ? "absent" : $"{actual} bytes long")}, expected {expected} bytes (another writer appended first).", path);

    public static LakeConflictException AppendETagMismatch(LakePath path, string expected, string? actual) =>
        new($"Append refused: '{path}' changed (expected ETag {expected}, found {actual ?? "no object"}).", path);

    /// <summary>Whether an object of <paramref name="current"/> state meets an append's expected length and ETag.</summary>
    public static bool MeetsAppend(LakeObjectInfo? current, long expectedLength, string? expectedETag) =>
        (current?.Size ?? 0) == expectedLength && (expectedETag is null || string.Equals(current?.ETag, expectedETag, StringComparison.Ordinal));

    /// <summary>The conflict for an append whose condition <paramref name="current"/> does not meet.</summary>
    public static LakeConflictException AppendConflict(LakePath path, LakeObjectInfo? current, long expectedLength, string? expectedETag) =>
        (current?.Size ?? 0) != expectedLength ? LengthMismatch(path, expectedLength, current?.Size) : AppendETagMismatch(path, expectedETag!, current?.ETag);

    /// <summary>Validates the arguments of <see cref="ILakeStore.AppendAsync"/>.</summary>
    public static void EnsureAppend(LakePath path, long expectedLength)
    {
        EnsureObjectPath(path);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLength);
    }

    /// <summary>Whether <paramref name="stored"/> (the object's bytes from the expected length on) starts with <paramref name="content"/>: an append that already happened.</summary>
    public static bool HoldsAppend(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> content) => stored.StartsWith(content);

    public static LakeConflictException ETagMismatch(LakePath path, string expected, string? actual) =>
        actual is null
            ? new($"Conditional write refused: '{path}' does not exist (expected ETag {expected}).", path)
            : new($"Conditional write refused: '{path}' changed (expected ETag {expected}, found {actual}).", path);
}
