namespace QuantFunctions.Core.Performance;

/// <summary>How a <see cref="MetricRow"/> value is shown.</summary>
public enum MetricFormat
{
    /// <summary>A fraction shown as a percentage (0.05 → 5.00%).</summary>
    Percent,

    /// <summary>A plain ratio (two decimals in tables).</summary>
    Ratio,

    /// <summary>A whole count (observations, consecutive wins).</summary>
    Count,

    /// <summary>Calendar days.</summary>
    Days,

    /// <summary>A date (<see cref="MetricRow.Date"/>; the value is NaN).</summary>
    Date,
}
