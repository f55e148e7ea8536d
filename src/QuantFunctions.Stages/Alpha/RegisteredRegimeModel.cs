using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Regime;
using QuantFunctions.Lake.Models;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>A regime model loaded strictly from the lake's model registry (<c>alpha.regime</c> with <c>model_version</c>, <c>quant regime --model</c>).</summary>
public static class RegisteredRegimeModel
{
    /// <summary>Loads a registered version; inference will present the features of <paramref name="window"/>.</summary>
    /// <param name="lake">The lake.</param>
    /// <param name="sleeve">The sleeve whose registry holds the model.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="version">The version; null = the latest registered.</param>
    /// <param name="window">The feature window inference uses; the version must have been fitted on the same schema.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The model and its registry entry.</returns>
    /// <exception cref="ModelRegistryException"><c>model.not_found</c>, <c>model.schema_mismatch</c> or <c>model.registry_invalid</c>.</exception>
    public static async Task<(RegimeModel Model, ModelVersionEntry Entry)> LoadAsync(ILakeStore lake, string sleeve, string modelId, string? version, int window, CancellationToken cancellationToken)
    {
        var registry = new ModelRegistry(lake);
        (ModelVersionEntry entry, ReadOnlyMemory<byte> artifact) = await registry.LoadAsync(sleeve, modelId, version, RegimeFeatures.Schema(window), cancellationToken);
        RegimeModel model = JsonSerializer.Deserialize<RegimeModel>(artifact.Span, StageJson.Options)
            ?? throw new ModelRegistryException(ErrorCodes.ModelRegistryInvalid, $"model '{modelId}' {entry.Version}: empty artifact");
        return (model, entry);
    }

    /// <summary>
    /// The model a run's <c>alpha.regime</c> used for the sleeve (the <c>model_id</c> and <c>version</c> of its
    /// <c>regime.json</c>), loaded strictly on the schema it was registered with; null when the run has no regime artifact.
    /// </summary>
    /// <exception cref="ModelRegistryException">The recorded version is not in the registry, or its artifact is missing.</exception>
    /// <exception cref="DatasetSchemaException">The regime artifact lacks <c>model_id</c> or <c>version</c>.</exception>
    public static async Task<(RegimeModel Model, string ModelId, string Version)?> OfRunAsync(StageContext context, string sleeve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LakePath path = StageDatasets.GoldFile(context, sleeve, RegimeStage.Dataset, RegimeStage.FileName);
        if (await context.Lake.TryReadAsync(path, cancellationToken) is not { } obj)
        {
            return null;
        }

        JsonNode? artifact = JsonNode.Parse(obj.Content.Span);
        string modelId = artifact?["model_id"]?.GetValue<string>() ?? throw new DatasetSchemaException($"{path}: no 'model_id'");
        string version = artifact["version"]?.GetValue<string>() ?? throw new DatasetSchemaException($"{path}: no 'version'");
        ModelRegistryDocument? registry = await new ModelRegistry(context.Lake).TryReadAsync(sleeve, modelId, cancellationToken);
        ModelVersionEntry entry = registry?.Versions.FirstOrDefault(v => string.Equals(v.Version, version, StringComparison.Ordinal))
            ?? throw new ModelRegistryException(ErrorCodes.ModelNotFound, $"{path} names model '{modelId}' {version}, which the registry of sleeve '{sleeve}' does not hold");
        int window = entry.Parameters["window"]?.GetValue<int>()
            ?? throw new ModelRegistryException(ErrorCodes.ModelRegistryInvalid, $"model '{modelId}' {version} of sleeve '{sleeve}' records no 'window' parameter");
        RegimeModel model = (await LoadAsync(context.Lake, sleeve, modelId, version, window, cancellationToken)).Model;
        return (model, modelId, version);
    }

    /// <summary>The sleeves that hold a model <paramref name="modelId"/> (<c>models/{sleeve}/{model_id}/…</c>), in ordinal order.</summary>
    public static async Task<IReadOnlyList<string>> SleevesOfAsync(ILakeStore lake, string modelId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        var sleeves = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (LakeObjectInfo info in lake.ListAsync(LakePathResolver.ModelsRoot, cancellationToken))
        {
            string[] parts = info.Path.Value.Split('/');
            if (parts.Length > 3 && string.Equals(parts[2], modelId, StringComparison.Ordinal))
            {
                sleeves.Add(parts[1]);
            }
        }

        return [.. sleeves];
    }
}
