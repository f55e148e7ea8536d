namespace QuantFunctions.Core.Errors;

/// <content>The fill model (orders, fills) and the backtest simulators and their walk-forward windows.</content>
public static partial class ErrorCodes
{
    /// <summary>An order the fill model cannot price: an empty symbol, a negative or non-finite quantity, a non-positive price or cash.</summary>
    public static readonly ErrorCode InvalidOrder = new("execution.invalid_order", ErrorCategory.InvalidInput);

    /// <summary>Fill-model or simulator friction options out of range (negative basis points, a negative lot size or minimum notional).</summary>
    public static readonly ErrorCode InvalidFriction = new("execution.invalid_friction", ErrorCategory.InvalidInput);

    /// <summary>Walk-forward windows that cannot run: train, test or step below 1, a negative gap, or too few rows.</summary>
    public static readonly ErrorCode InvalidWindows = new("backtest.invalid_windows", ErrorCategory.InvalidInput);

    /// <summary>A simulator id that is not <c>t1</c>, <c>t2</c> or <c>t3</c>.</summary>
    public static readonly ErrorCode UnknownSimulator = new("backtest.unknown_simulator", ErrorCategory.InvalidInput);

    /// <summary>A simulator that needs prices (T3) was given none, or prices that do not cover the panel's dates and columns.</summary>
    public static readonly ErrorCode MissingPrices = new("backtest.missing_prices", ErrorCategory.InvalidInput);
}
