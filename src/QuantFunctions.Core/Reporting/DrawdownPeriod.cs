namespace QuantFunctions.Core.Reporting;

/// <summary>One drawdown period: from the first period under water to the recovery (or the series end).</summary>
/// <param name="Start">Index of the first period under water.</param>
/// <param name="Trough">Index of the deepest point.</param>
/// <param name="End">Index of the recovery (drawdown back to 0), or the last index when not recovered.</param>
/// <param name="Depth">The deepest drawdown (&lt; 0).</param>
/// <param name="Recovered">Whether the equity regained its peak.</param>
public sealed record DrawdownPeriod(int Start, int Trough, int End, double Depth, bool Recovered);
