using System.ComponentModel.DataAnnotations;
using QuantFunctions.Stages.Validation;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;

namespace QuantFunctions.Stages.Meta;

/// <summary>Parameters of <c>meta.aggregate</c>: the sleeves, the engine across them, the simulator, and the walk-forward windows and friction of the meta rebalances.</summary>
public record AggregateParameters : WalkForwardParameters
{
    /// <summary>Every sleeve the meta-portfolio must hold; a missing or empty one fails the run.</summary>
    [Required]
    [MinLength(1)]
    public List<string> Sleeves { get; init; } = [];

    /// <summary>The meta-portfolio's id (its gold "sleeve" segment).</summary>
    [Required]
    public string Meta { get; init; } = "meta";

    /// <summary>Engine allocating across sleeve return streams at each rebalance.</summary>
    [Required]
    [Overridable]
    [AllocationEngineName]
    public string Engine { get; init; } = "inverse_vol";

    /// <summary>The simulator of the meta rebalances: <c>t1</c> vectorised, <c>t2</c> drift (default), <c>t3</c> event-driven (docs/simulators.md).</summary>
    [Overridable]
    [SimulatorName]
    public string Simulator { get; init; } = "t2";

    /// <summary>
    /// Completed sleeve runs the meta-portfolio holds as assets, pinned by run id: sleeve → <c>pipeline@version/run_id</c>
    /// (in this run's scope), which <c>quant validate-run</c> must have recorded valid. A sleeve not named here is taken from this run.
    /// </summary>
    public Dictionary<string, string> SleeveRuns { get; init; } = [];

    /// <summary>A meta-portfolio of one sleeve is refused unless this declares it.</summary>
    public bool AllowSingleSleeve { get; init; }

    /// <summary>Periods per year of the aligned (common-calendar) sleeve returns.</summary>
    [Range(1, 366)]
    [Overridable]
    public int PeriodsPerYear { get; init; } = 252;
}
