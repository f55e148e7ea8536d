using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// The decisions of a walk-forward backtest, before any simulation: the panel, the schedule and one target weight
/// vector per decision. Every simulator (<see cref="ISimulator"/>) turns the same plan into a daily record, so the
/// simulators differ only in how they trade, never in what they decided.
/// </summary>
/// <param name="Panel">Stream returns (rows = dates, columns = streams).</param>
/// <param name="Options">Windows and friction.</param>
/// <param name="Schedule">The windows and which decision holds each day.</param>
/// <param name="Targets">Per decision (in <see cref="WalkForwardSchedule.Windows"/> order) the target weights, one per column.</param>
public sealed record WalkForwardPlan(ReturnPanel Panel, WalkForwardOptions Options, WalkForwardSchedule Schedule, IReadOnlyList<double[]> Targets);
