namespace QuantFunctions.Core.Errors;

/// <content>Regime detection and the model registry.</content>
public static partial class ErrorCodes
{
    /// <summary>A model, or the requested version of it, is not in the model registry.</summary>
    public static readonly ErrorCode ModelNotFound = new("model.not_found", ErrorCategory.NotFound);

    /// <summary>A registered model was fitted on other features than inference would give it (names, kernels or windows differ).</summary>
    public static readonly ErrorCode ModelSchemaMismatch = new("model.schema_mismatch", ErrorCategory.InvalidInput);

    /// <summary>A model registry or model artifact does not parse, or names an artifact that is missing.</summary>
    public static readonly ErrorCode ModelRegistryInvalid = new("model.registry_invalid", ErrorCategory.DataQuality);
}
