using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Host.Runs;

/// <summary>
/// The pipelines the Host can start: every <c>{scope}/{pipeline}/version={v}/manifest.json</c> under the
/// manifests root, loaded and validated at start-up; a name resolves to its highest version.
/// </summary>
public sealed class PipelineCatalog
{
    private readonly SortedDictionary<string, PipelineManifest> _byName;

    private PipelineCatalog(SortedDictionary<string, PipelineManifest> byName) => _byName = byName;

    /// <summary>Pipeline names (ids) the Host serves.</summary>
    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>Loads every manifest under <paramref name="root"/>.</summary>
    /// <exception cref="ManifestValidationException">A manifest is invalid (names the file and node).</exception>
    /// <exception cref="InvalidOperationException">Two scopes ship a pipeline with the same id.</exception>
    public static async Task<PipelineCatalog> LoadAsync(string root, ManifestLoader loader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var byName = new SortedDictionary<string, PipelineManifest>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return new PipelineCatalog(byName);
        }

        string[] files = Directory.GetFiles(root, "manifest.json", SearchOption.AllDirectories);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            PipelineManifest manifest = await loader.LoadFileAsync(file, cancellationToken);
            if (byName.TryGetValue(manifest.Id, out PipelineManifest? existing))
            {
                if (existing.Scope != manifest.Scope)
                {
                    throw new InvalidOperationException($"Pipeline id '{manifest.Id}' is shipped by two scopes ({existing.Source}, {manifest.Source}).");
                }

                if (Lake.Paths.SemVer.Parse(existing.Version) > Lake.Paths.SemVer.Parse(manifest.Version))
                {
                    continue;
                }
            }

            byName[manifest.Id] = manifest;
        }

        return new PipelineCatalog(byName);
    }

    /// <summary>The manifest of a pipeline name, or null.</summary>
    public PipelineManifest? Find(string name) => _byName.GetValueOrDefault(name);
}
