namespace QuantFunctions.Testing;

/// <summary>Finds the repository root (the folder holding QuantFunctions.sln) from the test binaries.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root, or null when the tests run outside a checkout.</summary>
    public static string? TryFind()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuantFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The repository root; throws when not found.</summary>
    public static string Find() => TryFind() ?? throw new InvalidOperationException("QuantFunctions.sln not found above " + AppContext.BaseDirectory);
}
