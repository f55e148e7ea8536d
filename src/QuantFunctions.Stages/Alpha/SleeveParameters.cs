namespace QuantFunctions.Stages.Alpha;

/// <summary>Parameters of the sleeve stages that only need to know which sleeve (<c>alpha.synthesize</c>, <c>alpha.flatten</c>).</summary>
public sealed record SleeveParameters
{
    /// <summary>The sleeve, when the node does not fan out over sleeves.</summary>
    public string? Sleeve { get; init; }
}
