using System.ComponentModel.DataAnnotations;

namespace QuantFunctions.Stages.Meta;

/// <summary>Parameters of <c>meta.aggregate</c>.</summary>
public sealed record AggregateParameters
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
    public string Engine { get; init; } = "inverse_vol";

    /// <summary>Periods per year of the aligned (common-calendar) sleeve returns.</summary>
    [Range(1, 366)]
    public int PeriodsPerYear { get; init; } = 252;

    /// <summary>Training window (sessions) for each meta rebalance.</summary>
    [Range(10, 5000)]
    public int TrainDays { get; init; } = 60;

    /// <summary>Test window (sessions).</summary>
    [Range(1, 5000)]
    public int TestDays { get; init; } = 20;

    /// <summary>Sessions between meta rebalances.</summary>
    [Range(1, 5000)]
    public int StepDays { get; init; } = 20;

    /// <summary>Slippage on traded notional between sleeves, basis points.</summary>
    [Range(0.0, 1000.0)]
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission on traded notional between sleeves, basis points.</summary>
    [Range(0.0, 1000.0)]
    public double CommissionBps { get; init; } = 1;
}
