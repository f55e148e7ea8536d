using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Sleeves;

namespace QuantFunctions.Stages.Alpha;

/// <summary>Parameters of <c>alpha.select</c>.</summary>
public sealed record SelectParameters
{
    /// <summary>The sleeve, when the node does not fan out over sleeves.</summary>
    public string? Sleeve { get; init; }

    /// <summary>Sleeve id → spec (universe, direction, top_n, lookback, skip, allocation_lookback, engine, periods_per_year).</summary>
    [Required]
    public Dictionary<string, SleeveSpec> Sleeves { get; init; } = [];

    /// <summary>The DataOps pipeline whose silver returns the sleeves read.</summary>
    [Required]
    public string SourcePipeline { get; init; } = "dataops";

    /// <summary>Its version.</summary>
    [Required]
    public string SourceVersion { get; init; } = "1.0.0";

    /// <summary>The scope of the DataOps pipeline; when set, its published hand-off (run id, as-of, fingerprints) is required and recorded in the <c>alpha.selection</c> audit entry.</summary>
    public string? SourceScope { get; init; }

    /// <summary>The DataOps run the sleeves must consume (needs <see cref="SourceScope"/>); the node fails when the published run differs.</summary>
    public string? SourceRun { get; init; }
}
