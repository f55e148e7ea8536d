namespace QuantFunctions.Testing;

/// <summary>
/// Locates the steering repository's <c>shared/</c> folder (reference data and peer tools). It is
/// not part of this repository: tests that read it skip visibly, with the reason, where it is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Locate);

    /// <summary>The absolute path of <c>shared/</c>, or null when it is not present.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Whether <c>shared/</c> is present.</summary>
    public static bool IsAvailable => Root.Value is not null;

    /// <summary>The reason tests that need <c>shared/</c> are skipped.</summary>
    public const string MissingReason = "../shared (reference data) is not present: set QF_SHARED_DIR or place shared/ beside the repository";

    /// <summary>A path inside <c>shared/</c>; throws when it is absent (callers are skipped first).</summary>
    public static string PathOf(params string[] parts)
    {
        string root = Root.Value ?? throw new InvalidOperationException(MissingReason);
        return Path.Combine([root, .. parts]);
    }

    private static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable("QF_SHARED_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            // An explicit setting wins, present or not (so a run can check the visible-skip path).
            return System.IO.Directory.Exists(Path.Combine(configured, "data")) ? Path.GetFullPath(configured) : null;
        }

        string? repo = RepositoryRoot.TryFind();
        if (repo is null)
        {
            return null;
        }

        string candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        return System.IO.Directory.Exists(Path.Combine(candidate, "data")) ? candidate : null;
    }
}
