using System.Text.Json.Nodes;

namespace QuantFunctions.Lake.Models;

/// <summary>One registered version of a model (an entry of <c>registry.json</c>).</summary>
public sealed record ModelVersionEntry
{
    /// <summary>The version, e.g. <c>1.0.0</c>: 1.0.N for the N-th fit registered.</summary>
    public required string Version { get; init; }

    /// <summary>The artifact's lake path, <c>models/{sleeve}/{model_id}/version={v}/model.json</c>.</summary>
    public required string Artifact { get; init; }

    /// <summary>The features, in order, the model was fitted on; inference must present exactly these.</summary>
    public required IReadOnlyList<string> FeatureSchema { get; init; }

    /// <summary>The fit's parameters (options), as JSON.</summary>
    public required JsonObject Parameters { get; init; }

    /// <summary>The training window.</summary>
    public required ModelTrainingWindow TrainingWindow { get; init; }

    /// <summary>Dataset name → SHA-256 of the data fitted on (the identity of a fit: the same fingerprints and parameters reuse the version).</summary>
    public required IReadOnlyDictionary<string, string> DatasetFingerprints { get; init; }

    /// <summary>Fit metrics (log-likelihood, BIC, iterations, …), as JSON.</summary>
    public required JsonObject FitMetrics { get; init; }

    /// <summary>The run that registered it.</summary>
    public required string RunId { get; init; }
}
