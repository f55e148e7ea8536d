using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Functions.Catalog;

/// <summary>
/// The pipelines the app can start: every <c>{scope}/{pipeline}/version={v}/manifest.json</c> under the manifests root,
/// loaded and validated at start-up; a pipeline id resolves to its highest version.
/// </summary>
public sealed class PipelineCatalog
{
    private readonly SortedDictionary<string, PipelineManifest> _byId;

    private PipelineCatalog(string root, SortedDictionary<string, PipelineManifest> byId)
    {
        Root = root;
        _byId = byId;
    }

    /// <summary>The manifests folder the catalog was loaded from.</summary>
    public string Root { get; }

    /// <summary>The pipeline ids, sorted.</summary>
    public IReadOnlyCollection<string> Ids => _byId.Keys;

    /// <summary>The manifests (highest version of each id), sorted by id.</summary>
    public IReadOnlyCollection<PipelineManifest> Manifests => _byId.Values;

    /// <summary>The number of pipelines.</summary>
    public int Count => _byId.Count;

    /// <summary>
    /// Loads every <c>manifest.json</c> under <paramref name="root"/>. A deployment without pipelines is broken, so a
    /// missing folder, a folder without manifests and an invalid manifest are errors naming the path.
    /// </summary>
    /// <param name="root">The manifests folder.</param>
    /// <param name="loader">Validates each manifest against the stage registry.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="root"/> holds no <c>manifest.json</c>.</exception>
    /// <exception cref="ManifestValidationException">A manifest is invalid (the message names the file and node).</exception>
    /// <exception cref="IOException">A manifest cannot be read.</exception>
    /// <exception cref="InvalidOperationException">Two scopes ship a pipeline with the same id.</exception>
    public static PipelineCatalog Load(string root, ManifestLoader loader)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(loader);
        string full = System.IO.Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The manifests folder '{full}' does not exist.");
        }

        string[] files = Directory.GetFiles(full, "manifest.json", SearchOption.AllDirectories);
        if (files.Length == 0)
        {
            throw new FileNotFoundException($"The manifests folder '{full}' holds no manifest.json ({{scope}}/{{pipeline}}/version={{v}}/manifest.json).", full);
        }

        Array.Sort(files, StringComparer.Ordinal);
        var byId = new SortedDictionary<string, PipelineManifest>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            PipelineManifest manifest = loader.Parse(File.ReadAllText(file), file);
            if (byId.TryGetValue(manifest.Id, out PipelineManifest? existing))
            {
                if (existing.Scope != manifest.Scope)
                {
                    throw new InvalidOperationException($"Pipeline id '{manifest.Id}' is shipped by two scopes ({existing.Source}, {manifest.Source}).");
                }

                if (SemVer.Parse(existing.Version) > SemVer.Parse(manifest.Version))
                {
                    continue;
                }
            }

            byId[manifest.Id] = manifest;
        }

        return new PipelineCatalog(full, byId);
    }

    /// <summary>The manifest of pipeline <paramref name="id"/>, or null.</summary>
    public PipelineManifest? Find(string id) => _byId.GetValueOrDefault(id);
}
