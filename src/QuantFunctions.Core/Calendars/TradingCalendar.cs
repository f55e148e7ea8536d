using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// A daily trading calendar: which dates are sessions. Subclasses define <see cref="IsSession"/>;
/// the helpers enumerate and count sessions.
/// </summary>
public abstract class TradingCalendar
{
    /// <summary>Creates a calendar with an identifier.</summary>
    /// <param name="id">The calendar id (e.g. <c>XCRY</c>, <c>XNYS</c>).</param>
    protected TradingCalendar(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>The calendar id (ISO 10383-style MIC, e.g. <c>XNYS</c>; <c>XCRY</c> for 24×7 crypto).</summary>
    public string Id { get; }

    /// <summary>Whether the date is a trading session.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True for a session.</returns>
    public abstract bool IsSession(DateOnly date);

    /// <summary>All sessions from <paramref name="first"/> to <paramref name="last"/>, both inclusive.</summary>
    /// <param name="first">The first date.</param>
    /// <param name="last">The last date.</param>
    /// <returns>The sessions, ascending.</returns>
    public DateOnly[] Sessions(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            return [];
        }

        var sessions = new List<DateOnly>(last.DayNumber - first.DayNumber + 1);
        for (DateOnly d = first; d <= last; d = d.AddDays(1))
        {
            if (IsSession(d))
            {
                sessions.Add(d);
            }
        }

        return [.. sessions];
    }

    /// <summary>The number of sessions strictly between two dates.</summary>
    /// <param name="after">The exclusive lower bound.</param>
    /// <param name="before">The exclusive upper bound.</param>
    /// <returns>The count (0 when the dates are adjacent sessions).</returns>
    public int CountSessionsBetween(DateOnly after, DateOnly before)
    {
        int n = 0;
        for (DateOnly d = after.AddDays(1); d < before; d = d.AddDays(1))
        {
            if (IsSession(d))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The first session strictly after a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The next session.</returns>
    public DateOnly NextSession(DateOnly date)
    {
        DateOnly d = date.AddDays(1);
        while (!IsSession(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary>Throws when a date of a series is not a session of this calendar.</summary>
    /// <param name="dates">The series' dates.</param>
    /// <param name="what">The series name, for the message.</param>
    /// <exception cref="DomainValidationException">Code <see cref="DomainErrorCodes.NotASession"/>.</exception>
    public void EnsureSessions(ReadOnlySpan<DateOnly> dates, string what)
    {
        for (int i = 0; i < dates.Length; i++)
        {
            if (!IsSession(dates[i]))
            {
                throw new DomainValidationException(
                    DomainErrorCodes.NotASession,
                    $"{what}: row {i} is dated {dates[i]:yyyy-MM-dd}, which is not a session of calendar {Id}.");
            }
        }
    }
}
