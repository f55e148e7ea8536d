using System.Security.Cryptography;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>
/// One <c>quant demo</c> run on a fresh temporary lake, shared by every test of the <see cref="DemoLakeCollection"/>
/// (a demo takes a few seconds). Tests must not change this lake; those that do work on <see cref="Copy"/>.
/// </summary>
public sealed class DemoLake : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _root = new("qf-cli-demo");

    /// <summary>The lake folder.</summary>
    public string Root => _root.Path;

    /// <summary>The demo's exit code and output.</summary>
    public CliOutcome Demo { get; private set; } = new(-1, string.Empty, string.Empty);

    /// <summary>A file of the lake by its lake path (forward slashes).</summary>
    public string PathOf(string lakePath) => Path.Combine(Root, lakePath.Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc/>
    public async Task InitializeAsync() => Demo = await CliHarness.RunAsync(Root, "demo");

    /// <inheritdoc/>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public void Dispose() => _root.Dispose();

    /// <summary>A copy of the whole lake in a new temporary folder (for tests that change it).</summary>
    public TempDirectory Copy()
    {
        var copy = new TempDirectory("qf-cli-copy");
        CopyTo(copy.Path);
        return copy;
    }

    private void CopyTo(string target)
    {
        foreach (string file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    /// <summary>SHA-256 (hex) of every file below <paramref name="lakeRoot"/>/<paramref name="prefix"/>, keyed by lake path (ordinal order).</summary>
    public static SortedDictionary<string, string> HashFiles(string lakeRoot, string prefix)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string folder = Path.Combine(lakeRoot, prefix);
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            hashes[Path.GetRelativePath(lakeRoot, file).Replace(Path.DirectorySeparatorChar, '/')] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return hashes;
    }
}
