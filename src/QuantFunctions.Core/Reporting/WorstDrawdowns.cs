using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>The deepest drawdown episodes (<see cref="DrawdownAnalysis.Episodes"/>) for the shaded equity chart.</summary>
internal static class WorstDrawdowns
{
    /// <summary>The <paramref name="count"/> deepest episodes, deepest first (ties: the earlier first).</summary>
    public static DrawdownPeriod[] Of(TearSheet sheet, int count)
    {
        DrawdownPeriod[] all = DrawdownAnalysis.Episodes(sheet.Drawdown, sheet.Dates);
        Array.Sort(all, static (a, b) => a.MaxDrawdown != b.MaxDrawdown ? a.MaxDrawdown.CompareTo(b.MaxDrawdown) : a.StartIndex.CompareTo(b.StartIndex));
        return all.Length > count ? all[..count] : all;
    }

    /// <summary>Whether the equity regained its peak after the episode (it ends before the last period).</summary>
    public static bool Recovered(DrawdownPeriod period, int length) => period.EndIndex < length - 1;
}
