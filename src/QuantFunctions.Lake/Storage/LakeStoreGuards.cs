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

    public static LakeConflictException ETagMismatch(LakePath path, string expected, string? actual) =>
        actual is null
            ? new($"Conditional write refused: '{path}' does not exist (expected ETag {expected}).", path)
            : new($"Conditional write refused: '{path}' changed (expected ETag {expected}, found {actual}).", path);
}
