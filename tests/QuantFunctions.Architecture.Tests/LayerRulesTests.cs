using System.Reflection;
using System.Text.RegularExpressions;
using QuantFunctions.Testing;

namespace QuantFunctions.Architecture.Tests;

/// <summary>
/// The layers' rule (docs/architecture.md), read from the built assemblies and the source tree: Core is pure, the lake
/// holds no market-data providers, dependencies point one way, no test helper ships in a product assembly, and
/// namespaces follow the folders.
/// </summary>
public sealed partial class LayerRulesTests
{
    /// <summary>Each product assembly and the product assemblies it may reference (directly).</summary>
    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "QuantFunctions.Core", [] },
        { "QuantFunctions.Lake", ["QuantFunctions.Core"] },
        { "QuantFunctions.DataOps", ["QuantFunctions.Core", "QuantFunctions.Lake"] },
        { "QuantFunctions.Orchestration", ["QuantFunctions.Core", "QuantFunctions.Lake"] },
        { "QuantFunctions.Stages", ["QuantFunctions.Core", "QuantFunctions.Lake", "QuantFunctions.DataOps", "QuantFunctions.Orchestration"] },
        { "QuantFunctions.Hosting", ["QuantFunctions.Core", "QuantFunctions.Lake", "QuantFunctions.DataOps", "QuantFunctions.Orchestration", "QuantFunctions.Stages"] },
        { "QuantFunctions.Cli.Compute", ["QuantFunctions.Core", "QuantFunctions.Lake"] },
        { "QuantFunctions.Durable", ["QuantFunctions.Core", "QuantFunctions.Lake", "QuantFunctions.DataOps", "QuantFunctions.Orchestration", "QuantFunctions.Stages", "QuantFunctions.Hosting"] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void ProductAssembly_ReferencesOnlyTheLayersBelowIt(string assembly, string[] allowed)
    {
        string[] ours = [.. Load(assembly).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("QuantFunctions.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
        Assert.All(ours, name => Assert.Contains(name, allowed));
    }

    [Fact]
    public void Core_IsPure_NoIoNetworkHostingOrStorageLibraries()
    {
        // Core may use the BCL's numerics and collections, System.Numerics.Tensors and MathNet.Numerics — nothing that
        // reaches files, the network, storage, logging or hosting.
        string[] forbidden = ["System.Net.", "Azure.", "Microsoft.Extensions.", "Microsoft.Azure.", "Microsoft.DurableTask", "OpenTelemetry", "nietras.", "Sep", "Spectre.", "DuckDB"];
        AssemblyName[] references = Load("QuantFunctions.Core").GetReferencedAssemblies();
        Assert.All(references, reference => Assert.DoesNotContain(forbidden, prefix => reference.Name!.StartsWith(prefix, StringComparison.Ordinal)));
        // No file, console or network access in code either (exception types such as FileNotFoundException may be named:
        // the error registry classifies them).
        string[] io = ["System.IO.File", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.StreamReader", "System.IO.StreamWriter", "System.Console", "System.Net.Http.HttpClient", "System.Net.Sockets.Socket", "System.Environment"];
        Assert.Empty(UsedTypeNames("QuantFunctions.Core").Intersect(io));
    }

    [Fact]
    public void Lake_HoldsNoMarketDataProviders_NoHttpClient()
    {
        Assembly lake = Load("QuantFunctions.Lake");
        Assert.DoesNotContain(lake.GetTypes(), type => type.Namespace?.Contains(".Providers", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(UsedTypeNames("QuantFunctions.Lake"), name => name is "System.Net.Http.HttpClient" or "System.Net.Http.IHttpClientFactory");
        Assert.DoesNotContain(lake.GetReferencedAssemblies(), reference => reference.Name == "Microsoft.Extensions.Http");
    }

    [Theory]
    [InlineData("QuantFunctions.Core")]
    [InlineData("QuantFunctions.Lake")]
    [InlineData("QuantFunctions.DataOps")]
    [InlineData("QuantFunctions.Orchestration")]
    [InlineData("QuantFunctions.Stages")]
    [InlineData("QuantFunctions.Hosting")]
    [InlineData("QuantFunctions.Durable")]
    [InlineData("QuantFunctions.Functions")]
    [InlineData("QuantFunctions.Cli.Compute")]
    [InlineData("quant")]
    public void ProductAssembly_ShipsNoTestHelpers_AndEveryTypeInItsOwnNamespace(string assembly)
    {
        Assembly loaded = Load(assembly);
        string root = assembly == "quant" ? "QuantFunctions.Cli" : assembly;
        Type[] types = [.. loaded.GetTypes().Where(type => !IsCompilerGenerated(type))];
        Assert.NotEmpty(types);
        Assert.DoesNotContain(types, type => type.Namespace?.Split('.').Contains("Testing") == true);
        Assert.DoesNotContain(types, type => type.Name.Contains("TestHost", StringComparison.Ordinal) || type.Name.StartsWith("InMemory", StringComparison.Ordinal));
        Assert.All(types, type => Assert.True(
            type.Namespace == root || type.Namespace?.StartsWith(root + ".", StringComparison.Ordinal) == true,
            $"{type.FullName} is outside {root}"));
    }

    [Fact]
    public void SourceFiles_NamespaceFollowsTheFolder()
    {
        string src = Path.Combine(RepositoryRoot.Find(), "src");
        var wrong = new List<string>();
        foreach (string project in Directory.EnumerateDirectories(src))
        {
            string root = Path.GetFileName(project);
            foreach (string file in Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(project, Path.GetDirectoryName(file)!);
                if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
                {
                    continue;
                }

                Match declared = FileScopedNamespace().Match(File.ReadAllText(file));
                if (!declared.Success)
                {
                    continue; // top-level statements (Program.cs)
                }

                string expected = relative == "." ? root : root + "." + relative.Replace(Path.DirectorySeparatorChar, '.');
                if (declared.Groups[1].Value != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(src, file)}: namespace {declared.Groups[1].Value}, folder says {expected}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void TestFolders_MirrorTheSourceFolders()
    {
        // Test folders are a src folder of the project under test, or one of the cross-cutting suites and support folders.
        string[] suites = ["Fakes", "Support", "Infrastructure", "Fixtures", "Golden", "Faults", "Azurite", "Workers", "Metadata", "Fuzzing"];
        string repo = RepositoryRoot.Find();
        var stray = new List<string>();
        foreach (string testProject in Directory.EnumerateDirectories(Path.Combine(repo, "tests"), "*.Tests"))
        {
            string product = Path.GetFileName(testProject)[..^".Tests".Length];
            string source = Path.Combine(repo, "src", product);
            if (!Directory.Exists(source))
            {
                continue;
            }

            foreach (string folder in Directory.EnumerateDirectories(testProject, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(testProject, folder);
                string[] parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts[0] is "bin" or "obj" || parts.Any(part => suites.Contains(part))
                    || !Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Any())
                {
                    continue;
                }

                if (!Directory.Exists(Path.Combine(source, relative)))
                {
                    stray.Add(Path.GetRelativePath(repo, folder));
                }
            }
        }

        Assert.True(stray.Count == 0, "test folders without a src folder: " + string.Join(", ", stray));
    }

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static bool IsCompilerGenerated(Type type) =>
        type.Name.StartsWith('<') || type.FullName?.Contains('<', StringComparison.Ordinal) == true
        || type.Namespace is null || type.Namespace.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
        || type.Namespace.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>Type names the assembly's code refers to (its type references), read from metadata.</summary>
    private static HashSet<string> UsedTypeNames(string assembly)
    {
        Assembly loaded = Load(assembly);
        using var stream = File.OpenRead(loaded.Location);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        System.Reflection.Metadata.MetadataReader reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (System.Reflection.Metadata.TypeReferenceHandle handle in reader.TypeReferences)
        {
            System.Reflection.Metadata.TypeReference reference = reader.GetTypeReference(handle);
            names.Add(reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name));
        }

        return names;
    }

    [GeneratedRegex(@"^namespace\s+([A-Za-z0-9_.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
