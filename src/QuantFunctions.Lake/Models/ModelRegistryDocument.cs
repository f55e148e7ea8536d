namespace QuantFunctions.Lake.Models;

/// <summary><c>_meta/{sleeve}/models/{model_id}/registry.json</c>: every registered version of one model, oldest first.</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="Sleeve">The sleeve (scope) the model belongs to.</param>
/// <param name="Versions">The versions.</param>
public sealed record ModelRegistryDocument(string ModelId, string Sleeve, IReadOnlyList<ModelVersionEntry> Versions);
