namespace QuantFunctions.Core.Tournaments;

/// <summary>One ranked row of the strict scoreboard (formulas in <see cref="Scoreboard"/>).</summary>
public sealed record ScoreboardRow
{
    /// <summary>1-based rank by net Sharpe (baselines ranked among the cells).</summary>
    public required int Rank { get; init; }

    /// <summary>The cell id or baseline id.</summary>
    public required string Id { get; init; }

    /// <summary>True for a reference row (equal weight, benchmark).</summary>
    public required bool IsBaseline { get; init; }

    /// <summary>Annualised Sharpe after friction.</summary>
    public required double Sharpe { get; init; }

    /// <summary>Annualised Sharpe before friction.</summary>
    public required double GrossSharpe { get; init; }

    /// <summary>Friction decay: gross Sharpe − net Sharpe.</summary>
    public required double FrictionDecay { get; init; }

    /// <summary>Compound annual growth after friction.</summary>
    public required double Cagr { get; init; }

    /// <summary>Annualised volatility.</summary>
    public required double Volatility { get; init; }

    /// <summary>Annualised Sortino after friction.</summary>
    public required double Sortino { get; init; }

    /// <summary>Maximum drawdown (≤ 0).</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Annualised turnover.</summary>
    public required double AnnualTurnover { get; init; }

    /// <summary>Walk-forward windows.</summary>
    public required int Windows { get; init; }

    /// <summary>Fragility: sample standard deviation of the per-window annualised net Sharpe (NaN with fewer than two usable windows).</summary>
    public required double Fragility { get; init; }

    /// <summary>The fewest names selected in any window.</summary>
    public required int MinWinners { get; init; }

    /// <summary>Directional integrity held in every window.</summary>
    public required bool DirectionalIntegrity { get; init; }

    /// <summary>The strict gates this row fails (empty when it passes them all; baselines are not gated).</summary>
    public required IReadOnlyList<string> FailedGates { get; init; }

    /// <summary>Net Sharpe above every baseline's.</summary>
    public required bool BeatsBaselines { get; init; }

    /// <summary>A strict candidate: a cell passing every gate and beating every baseline.</summary>
    public bool IsStrictCandidate => !IsBaseline && FailedGates.Count == 0 && BeatsBaselines;
}
