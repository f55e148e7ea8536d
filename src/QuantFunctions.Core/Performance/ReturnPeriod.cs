namespace QuantFunctions.Core.Performance;

/// <summary>A calendar period that returns are aggregated over (quantstats' <c>ME</c>, <c>QE</c>, <c>YE</c>).</summary>
public enum ReturnPeriod
{
    /// <summary>Calendar month.</summary>
    Month,

    /// <summary>Calendar quarter.</summary>
    Quarter,

    /// <summary>Calendar year.</summary>
    Year,
}
