namespace QuantFunctions.Core.Backtesting;

/// <summary>One walk-forward decision: its training rows, its decision row and the end of its test window.</summary>
/// <param name="Index">The decision's index, from 0.</param>
/// <param name="DecisionRow">The panel row of the first test day (the decision trades before this row's return).</param>
/// <param name="TrainStartRow">The first training row (inclusive).</param>
/// <param name="TrainEndRow">The last training row + 1 (exclusive): <c>DecisionRow − GapDays</c>.</param>
/// <param name="TestEndRow">The last test row + 1 (exclusive): <c>min(DecisionRow + TestDays, rows)</c>.</param>
public sealed record WalkForwardWindow(int Index, int DecisionRow, int TrainStartRow, int TrainEndRow, int TestEndRow);
