namespace QuantFunctions.Core.Returns;

/// <summary>Which prices a return of <see cref="ReturnCalculator"/> spans.</summary>
public enum ReturnConvention
{
    /// <summary>
    /// pandas-compatible, <c>pct_change(fill_method=None)</c>: the return at row t spans rows t − 1 and t, and is
    /// missing (NaN) when either price is missing. No calendar is consulted.
    /// </summary>
    Pandas = 1,

    /// <summary>
    /// Calendar-aware: a return spans two consecutive observed prices of a column only when they are consecutive
    /// sessions of the column's calendar or the hole between them is tolerated (market-day normalisation); across a
    /// longer gap there is no return. Needs dated prices and <see cref="ReturnOptions.CalendarOf"/>.
    /// </summary>
    CalendarAware = 2,
}
