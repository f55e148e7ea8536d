using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// A daily trading calendar: which dates are sessions, when each session opens and closes (UTC), and the
/// dates it covers. Lookups (<see cref="IsSession"/>, <see cref="CountSessionsBetween"/>,
/// <see cref="TryGetSession"/>) are O(1); the built-in calendars are in <see cref="ExchangeCalendars"/>.
/// </summary>
/// <remarks>
/// A date outside <see cref="FirstDate"/>..<see cref="LastDate"/> is never a session: the calendar cannot
/// vouch for it, and <see cref="ClosureReason"/> says so.
/// </remarks>
public abstract class TradingCalendar
{
    /// <summary>Creates a calendar with an identifier.</summary>
    /// <param name="id">The calendar id (e.g. <c>XCRY</c>, <c>XNYS</c>).</param>
    protected TradingCalendar(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The calendar id (ISO 10383-style MIC, e.g. <c>XNYS</c>; <c>XCRY</c> for 24×7 crypto, <c>FX</c> for 24×5 FX).</summary>
    public string Id { get; }

    /// <summary>The first date the calendar covers.</summary>
    public abstract DateOnly FirstDate { get; }

    /// <summary>The last date the calendar covers.</summary>
    public abstract DateOnly LastDate { get; }

    /// <summary>
    /// The latest close of any session measured from 00:00 UTC of its date: a daily bar stamped with its session
    /// date is surely known this long after that midnight (24 h for XCRY, 21 h for XNYS: 16:00 EST).
    /// </summary>
    public abstract TimeSpan KnownAtOffset { get; }

    /// <summary>Sessions per year used to annualise (365 for XCRY, 252 for XNYS).</summary>
    public abstract int PeriodsPerYear { get; }

    /// <summary>Whether the date is a trading session.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True for a session (false outside the coverage).</returns>
    public abstract bool IsSession(DateOnly date);

    /// <summary>The session on a date, with its open and close in UTC.</summary>
    /// <param name="date">The date.</param>
    /// <param name="session">The session when the date is one.</param>
    /// <returns>True when the date is a session.</returns>
    public abstract bool TryGetSession(DateOnly date, out TradingSession session);

    /// <summary>The number of sessions strictly between two dates, in O(1).</summary>
    /// <param name="after">The exclusive lower bound.</param>
    /// <param name="before">The exclusive upper bound.</param>
    /// <returns>The count (0 when the dates are adjacent sessions or out of order).</returns>
    public abstract int CountSessionsBetween(DateOnly after, DateOnly before);

    /// <summary>Why a date is not a session (<c>weekend</c>, a holiday's name, outside the coverage), or null for a session.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The reason, or null.</returns>
    public virtual string? ClosureReason(DateOnly date)
    {
        if (date < FirstDate || date > LastDate)
        {
            return FormattableString.Invariant($"outside the coverage of calendar {Id} ({FirstDate:yyyy-MM-dd}..{LastDate:yyyy-MM-dd})");
        }

        return IsSession(date) ? null : "weekend";
    }

    /// <summary>All sessions from <paramref name="first"/> to <paramref name="last"/>, both inclusive (within the coverage).</summary>
    /// <param name="first">The first date.</param>
    /// <param name="last">The last date.</param>
    /// <returns>The sessions, ascending.</returns>
    public virtual DateOnly[] Sessions(DateOnly first, DateOnly last)
    {
        (first, last) = (first < FirstDate ? FirstDate : first, last > LastDate ? LastDate : last);
        if (last < first)
        {
            return [];
        }

        var sessions = new DateOnly[CountSessions(first, last)];
        int k = 0;
        for (DateOnly d = first; k < sessions.Length; d = d.AddDays(1))
        {
            if (IsSession(d))
            {
                sessions[k++] = d;
            }
        }

        return sessions;
    }

    /// <summary>The sessions from <paramref name="first"/> to <paramref name="last"/> with their open and close times.</summary>
    /// <param name="first">The first date.</param>
    /// <param name="last">The last date.</param>
    /// <returns>The sessions, ascending.</returns>
    public TradingSession[] SessionTimes(DateOnly first, DateOnly last)
    {
        DateOnly[] dates = Sessions(first, last);
        var sessions = new TradingSession[dates.Length];
        for (int i = 0; i < dates.Length; i++)
        {
            TryGetSession(dates[i], out sessions[i]);
        }

        return sessions;
    }

    /// <summary>The number of sessions from <paramref name="first"/> to <paramref name="last"/>, both inclusive.</summary>
    /// <param name="first">The first date.</param>
    /// <param name="last">The last date.</param>
    /// <returns>The count (0 when <paramref name="last"/> precedes <paramref name="first"/>).</returns>
    public int CountSessions(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            return 0;
        }

        int inner = first == last ? 0 : CountSessionsBetween(first, last);
        return inner + (IsSession(first) ? 1 : 0) + (first != last && IsSession(last) ? 1 : 0);
    }

    /// <summary>The first session strictly after a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The next session.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.OutsideCoverage"/>: no session after the date within the coverage.</exception>
    public DateOnly NextSession(DateOnly date)
    {
        DateOnly d = date < FirstDate ? FirstDate : date.AddDays(1);
        while (d <= LastDate)
        {
            if (IsSession(d))
            {
                return d;
            }

            d = d.AddDays(1);
        }

        throw new DomainValidationException(
            ErrorCodes.OutsideCoverage, FormattableString.Invariant($"Calendar {Id} has no session after {date:yyyy-MM-dd} within its coverage ({FirstDate:yyyy-MM-dd}..{LastDate:yyyy-MM-dd})."));
    }

    /// <summary>Throws when a date of a series is not a session of this calendar.</summary>
    /// <param name="dates">The series' dates.</param>
    /// <param name="what">The series name, for the message.</param>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.NotASession"/>.</exception>
    public void EnsureSessions(ReadOnlySpan<DateOnly> dates, string what)
    {
        for (int i = 0; i < dates.Length; i++)
        {
            if (!IsSession(dates[i]))
            {
                throw new DomainValidationException(
                    ErrorCodes.NotASession,
                    $"{what}: row {i} is dated {dates[i]:yyyy-MM-dd}, which is not a session of calendar {Id} ({ClosureReason(dates[i])}).");
            }
        }
    }
}
