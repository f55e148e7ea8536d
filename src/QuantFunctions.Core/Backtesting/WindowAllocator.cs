using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// The caller's allocation engine for the walk-forward backtest: given the training window (a copy
/// of the rows strictly before the rebalance date, NaN = no observation), returns one weight per
/// column. Weights are fractions of equity; <c>1 − Σw</c> is held in cash at a zero return.
/// </summary>
/// <param name="trainingWindow">The training rows, all columns.</param>
/// <returns>One finite weight per column of <paramref name="trainingWindow"/>.</returns>
public delegate double[] WindowAllocator(ReturnPanel trainingWindow);
