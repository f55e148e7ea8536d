namespace QuantFunctions.Core.Performance;

/// <summary>
/// One drawdown episode: a maximal run of periods below the running peak (quantstats' <c>drawdown_details</c> row).
/// </summary>
/// <param name="StartIndex">The first period in drawdown.</param>
/// <param name="ValleyIndex">The period of the deepest drawdown (the first one on ties).</param>
/// <param name="EndIndex">The last period in drawdown (the one before the recovery, or the last period).</param>
/// <param name="MaxDrawdown">The deepest drawdown of the episode (&lt; 0).</param>
/// <param name="Start">The start date; null for an undated series.</param>
/// <param name="Valley">The valley date; null for an undated series.</param>
/// <param name="End">The end date; null for an undated series.</param>
/// <param name="Days">Calendar days <c>End − Start + 1</c>; null for an undated series.</param>
public sealed record DrawdownPeriod(int StartIndex, int ValleyIndex, int EndIndex, double MaxDrawdown, DateOnly? Start, DateOnly? Valley, DateOnly? End, int? Days)
{
    /// <summary>The number of periods in the episode.</summary>
    public int Periods => EndIndex - StartIndex + 1;
}
