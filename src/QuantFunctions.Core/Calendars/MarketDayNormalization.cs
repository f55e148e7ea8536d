using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// Market-day normalisation: compares a symbol's observed dates with its calendar's sessions.
/// </summary>
/// <remarks>
/// <para>Definition. For two consecutive observations <c>d₀ &lt; d₁</c> of a symbol, let
/// <c>m</c> be the number of sessions of the symbol's calendar strictly between them.
/// <c>m = 0</c>: the observations are consecutive sessions. <c>1 ≤ m ≤ tolerance</c> (default 1):
/// a tolerated hole — a single missing session is treated as if the two observations were adjacent
/// (a return between them is computed over the two sessions and booked on <c>d₁</c>; the missing
/// session stays absent, nothing is filled in). <c>m &gt; tolerance</c>: a gap — no return spans it.</para>
/// <para>Weekends and holidays are not sessions of a session calendar, so Friday → Monday is
/// consecutive for <c>XNYS</c> but a 2-session gap for <c>XCRY</c>. A date that is not a session of
/// the calendar at all is an error.</para>
/// </remarks>
public static class MarketDayNormalization
{
    /// <summary>The default number of consecutive missing sessions that are tolerated.</summary>
    public const int DefaultToleratedMissingSessions = 1;

    /// <summary>Lists every hole (tolerated or not) in a symbol's observed dates.</summary>
    /// <param name="calendar">The symbol's calendar.</param>
    /// <param name="dates">Observed dates, strictly increasing, each a session.</param>
    /// <param name="toleratedMissingSessions">Holes of at most this many sessions are tolerated.</param>
    /// <returns>The holes, in date order.</returns>
    /// <exception cref="DomainValidationException">When a date is not a session or dates are unsorted.</exception>
    public static IReadOnlyList<SessionGap> FindGaps(TradingCalendar calendar, ReadOnlySpan<DateOnly> dates, int toleratedMissingSessions = DefaultToleratedMissingSessions)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(toleratedMissingSessions);
        Guard.StrictlyIncreasing(dates, "observed dates");
        calendar.EnsureSessions(dates, "observed dates");
        var gaps = new List<SessionGap>();
        for (int i = 1; i < dates.Length; i++)
        {
            int missing = calendar.CountSessionsBetween(dates[i - 1], dates[i]);
            if (missing > 0)
            {
                gaps.Add(new SessionGap(dates[i - 1], dates[i], missing, missing <= toleratedMissingSessions));
            }
        }

        return gaps;
    }

    /// <summary>The total number of missing sessions in holes that are not tolerated.</summary>
    /// <param name="gaps">The holes from <see cref="FindGaps"/>.</param>
    /// <returns>The number of untolerated missing sessions.</returns>
    public static int UntoleratedMissingSessions(IReadOnlyList<SessionGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        int n = 0;
        for (int i = 0; i < gaps.Count; i++)
        {
            if (!gaps[i].Tolerated)
            {
                n += gaps[i].MissingSessions;
            }
        }

        return n;
    }
}
