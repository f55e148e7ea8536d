using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Models;

/// <summary>
/// The model registry (seed 004): artifacts at <c>models/{sleeve}/{model_id}/version={v}/model.json</c> (create-only)
/// and the index <c>_meta/{sleeve}/models/{model_id}/registry.json</c> (versions, parameters, training window, dataset
/// fingerprints, fit metrics). Loading is strict: a missing model or version, or another feature schema, is an error —
/// never a fallback.
/// </summary>
/// <param name="lake">The lake (a model pipeline's write-restricted view may write <c>models/</c> and <c>_meta/</c>).</param>
public sealed class ModelRegistry(ILakeStore lake)
{
    private const string ArtifactFile = "model.json";
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The registry of a model, or null when nothing is registered.</summary>
    /// <exception cref="ModelRegistryException">The registry does not parse (<see cref="ErrorCodes.ModelRegistryInvalid"/>).</exception>
    public async Task<ModelRegistryDocument?> TryReadAsync(string sleeve, string modelId, CancellationToken cancellationToken = default)
    {
        LakePath path = RegistryPath(sleeve, modelId);
        LakeObject? obj = await lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (obj is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ModelRegistryDocument>(obj.Content.Span, Json)
                ?? throw new ModelRegistryException(ErrorCodes.ModelRegistryInvalid, $"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new ModelRegistryException($"{path} does not parse: {e.Message}", e);
        }
    }

    /// <summary>
    /// Registers a fit: when a version with the same dataset fingerprints, parameters and feature schema exists, returns
    /// it (a re-run registers nothing); otherwise writes the artifact as version 1.0.N (N = versions so far) and appends
    /// the entry to the registry.
    /// </summary>
    /// <param name="sleeve">The sleeve.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="artifact">The fitted model (JSON).</param>
    /// <param name="entry">The entry; its <see cref="ModelVersionEntry.Version"/> and <see cref="ModelVersionEntry.Artifact"/> are assigned here.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The registered entry and whether it was reused.</returns>
    public async Task<(ModelVersionEntry Entry, bool Reused)> RegisterAsync(string sleeve, string modelId, ReadOnlyMemory<byte> artifact, ModelVersionEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ModelRegistryDocument? registry = await TryReadAsync(sleeve, modelId, cancellationToken).ConfigureAwait(false);
        var versions = new List<ModelVersionEntry>(registry?.Versions ?? []);
        foreach (ModelVersionEntry v in versions)
        {
            if (SameFit(v, entry))
            {
                return (v, true);
            }
        }

        SemVer version = SemVer.Create(1, 0, versions.Count);
        LakePath artifactPath = ArtifactPath(sleeve, modelId, version);
        await lake.WriteAsync(artifactPath, artifact, LakeWriteMode.CreateOnly, cancellationToken).ConfigureAwait(false);
        ModelVersionEntry registered = entry with { Version = version.ToString(), Artifact = artifactPath.ToString() };
        versions.Add(registered);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(new ModelRegistryDocument(modelId, sleeve, versions), Json);
        await lake.WriteAsync(RegistryPath(sleeve, modelId), json, LakeWriteMode.Overwrite, cancellationToken).ConfigureAwait(false);
        return (registered, false);
    }

    /// <summary>Loads a registered version strictly.</summary>
    /// <param name="sleeve">The sleeve.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="version">The version; null = the latest registered.</param>
    /// <param name="featureSchema">The features inference will present, in order.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The entry and the artifact's bytes.</returns>
    /// <exception cref="ModelRegistryException">
    /// <see cref="ErrorCodes.ModelNotFound"/> (no registry, no such version), <see cref="ErrorCodes.ModelSchemaMismatch"/>
    /// (another feature schema), <see cref="ErrorCodes.ModelRegistryInvalid"/> (the artifact is missing).
    /// </exception>
    public async Task<(ModelVersionEntry Entry, ReadOnlyMemory<byte> Artifact)> LoadAsync(string sleeve, string modelId, string? version, IReadOnlyList<string> featureSchema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(featureSchema);
        ModelRegistryDocument registry = await TryReadAsync(sleeve, modelId, cancellationToken).ConfigureAwait(false) is { Versions.Count: > 0 } r
            ? r
            : throw new ModelRegistryException(ErrorCodes.ModelNotFound, $"model '{modelId}' of sleeve '{sleeve}' is not registered ({RegistryPath(sleeve, modelId)} is missing or empty)");
        ModelVersionEntry? entry = version is null ? registry.Versions[^1] : null;
        foreach (ModelVersionEntry v in registry.Versions)
        {
            entry ??= string.Equals(v.Version, version, StringComparison.Ordinal) ? v : null;
        }

        if (entry is null)
        {
            var known = new List<string>();
            foreach (ModelVersionEntry v in registry.Versions)
            {
                known.Add(v.Version);
            }

            throw new ModelRegistryException(ErrorCodes.ModelNotFound, $"model '{modelId}' of sleeve '{sleeve}' has no version {version} (registered: {string.Join(", ", known)})");
        }

        if (!entry.FeatureSchema.SequenceEqual(featureSchema, StringComparer.Ordinal))
        {
            throw new ModelRegistryException(
                ErrorCodes.ModelSchemaMismatch,
                $"model '{modelId}' {entry.Version} was fitted on [{string.Join(", ", entry.FeatureSchema)}] but inference gives [{string.Join(", ", featureSchema)}]");
        }

        LakePath artifactPath = ArtifactPath(sleeve, modelId, SemVer.Parse(entry.Version));
        LakeObject artifact = await lake.TryReadAsync(artifactPath, cancellationToken).ConfigureAwait(false)
            ?? throw new ModelRegistryException(ErrorCodes.ModelRegistryInvalid, $"model '{modelId}' {entry.Version} is registered but its artifact {artifactPath} is missing");
        return (entry, artifact.Content);
    }

    /// <summary>The registry's path.</summary>
    public static LakePath RegistryPath(string sleeve, string modelId) =>
        LakePathResolver.ModelRegistry(LakeIdentifier.Parse(sleeve, "sleeve"), LakeIdentifier.Parse(modelId, "model_id"));

    /// <summary>A version's artifact path.</summary>
    public static LakePath ArtifactPath(string sleeve, string modelId, SemVer version) =>
        LakePathResolver.ModelArtifact(LakeIdentifier.Parse(sleeve, "sleeve"), LakeIdentifier.Parse(modelId, "model_id"), version, ArtifactFile);

    private static bool SameFit(ModelVersionEntry a, ModelVersionEntry b) =>
        a.FeatureSchema.SequenceEqual(b.FeatureSchema, StringComparer.Ordinal)
        && a.TrainingWindow == b.TrainingWindow
        && JsonNode.DeepEquals(a.Parameters, b.Parameters)
        && a.DatasetFingerprints.Count == b.DatasetFingerprints.Count
        && Contains(a.DatasetFingerprints, b.DatasetFingerprints);

    private static bool Contains(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        foreach ((string key, string value) in b)
        {
            if (!a.TryGetValue(key, out string? other) || !string.Equals(other, value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
