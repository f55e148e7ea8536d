using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>
/// Loads and validates pipeline manifests against a stage registry: structure, identifiers, semver,
/// schedule, unknown stages, duplicate nodes, missing dependencies, cycles, <c>for_each</c> lists and
/// every node's parameters. All errors are collected and thrown together, each naming file and node.
/// </summary>
public sealed class ManifestLoader
{
    private readonly StageRegistry _registry;

    /// <summary>Creates a loader validating against <paramref name="registry"/>.</summary>
    public ManifestLoader(StageRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>
    /// Reads and validates a manifest file. When the file sits at
    /// <c>…/{scope}/{pipeline_id}/version={v}/manifest.json</c>, the path must agree with the content.
    /// </summary>
    /// <exception cref="ManifestValidationException">The manifest is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public async Task<PipelineManifest> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(json, path);
    }

    /// <summary>Parses and validates manifest JSON; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ManifestValidationException">The manifest is invalid.</exception>
    public PipelineManifest Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var errors = new List<ManifestError>();
        PipelineManifest? manifest = ManifestReader.Read(json, source, errors);
        if (manifest is not null)
        {
            CheckPath(manifest, errors);
            if (errors.Count == 0)
            {
                PlanBuilder.TryBuild(manifest, _registry, ParameterOverrides.Empty, errors);
            }
        }

        return errors.Count == 0 ? manifest! : throw new ManifestValidationException(errors);
    }

    private static void CheckPath(PipelineManifest manifest, List<ManifestError> errors)
    {
        string[] parts = manifest.Source.Replace('\\', '/').Split('/');
        if (parts.Length < 4 || parts[^1] != "manifest.json" || !parts[^2].StartsWith("version=", StringComparison.Ordinal))
        {
            return;
        }

        string version = parts[^2]["version=".Length..];
        if (parts[^4] != manifest.Scope || parts[^3] != manifest.Id || version != manifest.Version)
        {
            errors.Add(new ManifestError(ManifestErrorCode.PathMismatch, manifest.Source, null,
                $"the path says {parts[^4]}/{parts[^3]} version {version} but the manifest says {manifest.Scope}/{manifest.Id} version {manifest.Version}"));
        }
    }
}
