using QuantFunctions.Orchestration.Manifests;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>One parameter that failed to bind or validate.</summary>
/// <param name="Code"><see cref="ManifestErrorCode.UnknownParameter"/>, <see cref="ManifestErrorCode.InvalidParameter"/> or <see cref="ManifestErrorCode.ParameterOutOfRange"/>.</param>
/// <param name="Parameter">The parameter name (snake_case), or null for a rule over several parameters.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ParameterError(ManifestErrorCode Code, string? Parameter, string Message);
