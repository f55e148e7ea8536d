using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Paper;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Stages.Paper;

/// <summary>Parameters of <c>paper.step</c>.</summary>
public sealed record PaperStepParameters
{
    /// <summary>The paper account: the meta-portfolio (or sleeve) whose model run supplies the targets.</summary>
    [Required]
    public string Meta { get; init; } = "meta";

    /// <summary>The model pipeline whose <c>orders</c> decision trail holds the target weights.</summary>
    public string ModelPipeline { get; init; } = "meta";

    /// <summary>The model pipeline's version.</summary>
    public string ModelVersion { get; init; } = "1.0.0";

    /// <summary>The model run whose target weights are traded.</summary>
    [Required]
    public string ModelRun { get; init; } = "demo-meta";

    /// <summary>The starting capital of a new paper book.</summary>
    [Range(1.0, 1e15)]
    public double Capital { get; init; } = 1_000_000;

    /// <summary>Trades below this fraction of equity are skipped.</summary>
    [Range(0.0, 0.999)]
    [Overridable]
    public double PartialRebalance { get; init; }

    /// <summary>The order rules of a venue not in <see cref="Venues"/>.</summary>
    public VenueParameters DefaultVenue { get; init; } = new();

    /// <summary>Order rules per venue.</summary>
    public Dictionary<string, VenueParameters> Venues { get; init; } = VenueParameters.Defaults();

    /// <summary>Slippage of a venue without its own friction, basis points.</summary>
    [Range(0.0, 1000.0)]
    public double SlippageBps { get; init; } = 5;

    /// <summary>Commission of a venue without its own friction, basis points.</summary>
    [Range(0.0, 1000.0)]
    public double CommissionBps { get; init; } = 1;

    /// <summary>Friction per venue as <c>[slippage_bps, commission_bps]</c>; Binance defaults to crypto's 10 + 4 bp.</summary>
    public Dictionary<string, double[]> VenueFriction { get; init; } = new(StringComparer.Ordinal) { ["BINANCE"] = [10, 4] };

    /// <summary>Max gross leverage after an order.</summary>
    [Range(0.01, 100.0)]
    public double MaxGrossLeverage { get; init; } = 2;

    /// <summary>Max notional of one asset after an order (0 = off).</summary>
    [Range(0.0, 1e15)]
    public double MaxAssetNotional { get; init; }

    /// <summary>A daily loss above this fraction trips the kill switch.</summary>
    [Range(0.0001, 0.9999)]
    public double MaxDailyLoss { get; init; } = 0.05;

    /// <summary>A drawdown above this fraction trips the kill switch.</summary>
    [Range(0.0001, 0.9999)]
    public double MaxDrawdown { get; init; } = 0.20;

    /// <summary>Whether a trip also closes every position at the next open.</summary>
    public bool FlattenOnTrip { get; init; }

    /// <summary>The risk limits.</summary>
    public RiskLimits Limits() => new() { MaxGrossLeverage = MaxGrossLeverage, MaxAssetNotional = MaxAssetNotional, MaxDailyLoss = MaxDailyLoss, MaxDrawdown = MaxDrawdown, FlattenOnTrip = FlattenOnTrip };

    /// <summary>The friction per venue.</summary>
    public Dictionary<string, Friction> Frictions()
    {
        var frictions = new Dictionary<string, Friction>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, double[]> v in VenueFriction)
        {
            frictions[v.Key] = v.Value.Length == 2 ? new Friction(v.Value[0], v.Value[1]) : throw new ArgumentException($"venue_friction '{v.Key}': expected [slippage_bps, commission_bps]");
        }

        return frictions;
    }
}
