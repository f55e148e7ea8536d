using System.Globalization;
using QuantFunctions.Lake.Paths;

namespace QuantFunctions.Cli.Sql;

/// <summary>
/// One dataset of a file lake exposed to SQL as a view: <c>{layer}_{dataset}</c> over every Parquet file of that
/// dataset in the layer, with hive partitions (<c>version</c>, <c>year</c>, <c>run</c>, …) and the path segments that
/// are not <c>key=value</c> (<c>universe</c> or <c>sleeve</c>, <c>pipeline</c>; <c>market</c>, <c>product</c> in bronze)
/// as columns.
/// </summary>
/// <param name="Name">The view name, e.g. <c>silver_returns</c>, <c>gold_weights</c>.</param>
/// <param name="Layer">bronze, silver or gold.</param>
/// <param name="Dataset">The dataset folder, e.g. <c>returns</c>.</param>
public sealed record LakeSqlView(string Name, string Layer, string Dataset)
{
    /// <summary>Per layer: the index of the dataset segment and the names of the scope segments before it (after the layer).</summary>
    private static readonly Dictionary<string, (int DatasetIndex, string[] Segments)> Layers = new(StringComparer.Ordinal)
    {
        // bronze/{market}/{product}/{dataset}/schema=v1/interval=1d/year=YYYY[/month=MM]/part.parquet
        [LakePathResolver.BronzeRoot.Value] = (3, ["market", "product"]),
        // silver/{universe}/{pipeline}/version=V/{dataset}/year=YYYY|run=R/part.parquet
        [LakePathResolver.SilverRoot.Value] = (4, ["universe", "pipeline"]),
        // gold/{sleeve}/{pipeline}/version=V/{dataset}/run=R/part.parquet
        [LakePathResolver.GoldRoot.Value] = (4, ["sleeve", "pipeline"]),
    };

    /// <summary>The scope columns taken from the path (e.g. <c>universe</c>, <c>pipeline</c>), in path order.</summary>
    public IReadOnlyList<string> ScopeColumns => Layers[Layer].Segments;

    /// <summary>Every dataset with at least one Parquet file under <paramref name="lakeRoot"/>, ordered by view name.</summary>
    public static IReadOnlyList<LakeSqlView> Discover(string lakeRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lakeRoot);
        var views = new SortedDictionary<string, LakeSqlView>(StringComparer.Ordinal);
        foreach ((string layer, (int datasetIndex, _)) in Layers)
        {
            string folder = Path.Combine(lakeRoot, layer);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories))
            {
                string[] segments = Path.GetRelativePath(lakeRoot, file).Split(Path.DirectorySeparatorChar);
                if (segments.Length > datasetIndex + 1 && !segments[datasetIndex].Contains('=', StringComparison.Ordinal))
                {
                    string name = layer + "_" + segments[datasetIndex];
                    views.TryAdd(name, new LakeSqlView(name, layer, segments[datasetIndex]));
                }
            }
        }

        return [.. views.Values];
    }

    /// <summary>The glob of the view's files below <paramref name="lakeRoot"/> (absolute, forward slashes).</summary>
    public string Glob(string lakeRoot)
    {
        string wildcards = string.Concat(Enumerable.Repeat("*/", Layers[Layer].DatasetIndex - 1));
        return $"{Normalize(lakeRoot)}/{Layer}/{wildcards}{Dataset}/**/*.parquet";
    }

    /// <summary>The <c>read_parquet</c> call over the view's files.</summary>
    public string ReadParquet(string lakeRoot) =>
        $"read_parquet({Literal(Glob(lakeRoot))}, hive_partitioning = true, union_by_name = true, filename = true)";

    /// <summary>
    /// <c>CREATE VIEW</c>: the files' columns (without <c>filename</c>) plus each scope column the files do not already
    /// have, taken from the file's path relative to the lake root.
    /// </summary>
    /// <param name="lakeRoot">The lake folder.</param>
    /// <param name="existingColumns">The columns <see cref="ReadParquet"/> yields (to avoid duplicates).</param>
    public string CreateStatement(string lakeRoot, IReadOnlyCollection<string> existingColumns)
    {
        ArgumentNullException.ThrowIfNull(existingColumns);
        int prefix = Normalize(lakeRoot).Length + 2;
        var select = new List<string> { "* EXCLUDE (filename)" };
        string[] segments = Layers[Layer].Segments;
        for (int i = 0; i < segments.Length; i++)
        {
            if (!existingColumns.Contains(segments[i], StringComparer.OrdinalIgnoreCase))
            {
                // Segment i + 2 of the relative path (1-based; segment 1 is the layer).
                select.Add(string.Create(CultureInfo.InvariantCulture, $"string_split(substr(filename, {prefix}), '/')[{i + 2}] AS {segments[i]}"));
            }
        }

        return $"CREATE VIEW {Identifier(Name)} AS SELECT {string.Join(", ", select)} FROM {ReadParquet(lakeRoot)}";
    }

    /// <summary>An absolute path with forward slashes and no trailing separator.</summary>
    public static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Identifier(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
