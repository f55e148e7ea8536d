namespace QuantFunctions.Stages.Validation;

/// <summary>Parameters of <c>validate.backtest</c>: the sleeve and the walk-forward windows and friction.</summary>
public sealed record BacktestParameters : WalkForwardParameters
{
    /// <summary>The sleeve, when the node does not fan out over sleeves.</summary>
    public string? Sleeve { get; init; }
}
