using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Alpha;

/// <summary>Parameters of <c>alpha.allocate</c>.</summary>
public sealed record AllocateParameters
{
    /// <summary>The sleeve, when the node does not fan out over sleeves.</summary>
    public string? Sleeve { get; init; }

    /// <summary>Overrides the sleeve spec's engine (e.g. <c>hrp</c>, <c>min_variance</c>); null keeps the spec's.</summary>
    [Overridable]
    [AllocationEngineName]
    public string? Engine { get; init; }
}
