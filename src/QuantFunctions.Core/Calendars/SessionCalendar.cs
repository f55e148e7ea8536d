using System.Text.RegularExpressions;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// An exchange calendar over a covered range of dates, precomputed from a <see cref="SessionCalendarDefinition"/>:
/// the sessions with their UTC open and close, and a prefix count of sessions per day, so that
/// <see cref="TradingCalendar.IsSession"/>, <see cref="CountSessionsBetween"/> and <see cref="TryGetSession"/> are O(1).
/// </summary>
public sealed partial class SessionCalendar : TradingCalendar
{
    private readonly DateOnly _first, _last;
    private readonly TradingSession[] _sessions;
    private readonly int[] _sessionsBefore;
    private readonly Dictionary<DateOnly, string> _closures;
    private readonly bool _listedSessions;

    /// <summary>Builds the calendar and checks the definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.InvalidCalendar"/>, naming the calendar and what is wrong.</exception>
    public SessionCalendar(SessionCalendarDefinition definition)
        : base(definition?.Id ?? throw new ArgumentNullException(nameof(definition)))
    {
        Validate(definition);
        (_first, _last) = (definition.FirstDate, definition.LastDate);
        _closures = [];
        foreach (CalendarClosure closure in definition.Closures)
        {
            Require(_closures.TryAdd(closure.Date, closure.Reason), definition, $"closure {closure.Date:yyyy-MM-dd} is listed twice");
        }

        var early = new Dictionary<DateOnly, TimeOnly>();
        foreach (EarlyClose e in definition.EarlyCloses)
        {
            Require(early.TryAdd(e.Date, e.LocalClose), definition, $"early close {e.Date:yyyy-MM-dd} is listed twice");
        }

        bool[] weekend = new bool[7];
        foreach (DayOfWeek day in definition.WeekendDays)
        {
            weekend[(int)day] = true;
        }

        HashSet<DateOnly>? listed = definition.Sessions is null ? null : [.. definition.Sessions];
        _listedSessions = listed is not null;
        int days = _last.DayNumber - _first.DayNumber + 1;
        _sessionsBefore = new int[days + 1];
        var sessions = new List<TradingSession>(days);
        TimeSpan latestClose = TimeSpan.Zero;
        for (int k = 0; k < days; k++)
        {
            DateOnly d = _first.AddDays(k);
            bool open = (listed?.Contains(d) ?? !weekend[(int)d.DayOfWeek]) && !_closures.ContainsKey(d);
            Require(listed is null || open || !listed.Contains(d), definition, $"{d:yyyy-MM-dd} is listed both as a session and as a closure");
            _sessionsBefore[k + 1] = _sessionsBefore[k] + (open ? 1 : 0);
            if (!open)
            {
                Require(!early.ContainsKey(d), definition, $"early close {d:yyyy-MM-dd} is not a session");
                continue;
            }

            bool isEarly = early.TryGetValue(d, out TimeOnly close);
            var session = new TradingSession(
                d, CalendarTimeZones.ToUtc(definition.TimeZone, d, definition.Open), CalendarTimeZones.ToUtc(definition.TimeZone, d, isEarly ? close : definition.Close), isEarly);
            TimeSpan sinceMidnight = session.CloseUtc - new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            latestClose = sinceMidnight > latestClose ? sinceMidnight : latestClose;
            sessions.Add(session);
        }

        _sessions = [.. sessions];
        KnownAtOffset = latestClose;
        PeriodsPerYear = definition.PeriodsPerYear ?? (int)Math.Round(_sessions.Length * 365.25 / days);
    }

    /// <inheritdoc />
    public override DateOnly FirstDate => _first;

    /// <inheritdoc />
    public override DateOnly LastDate => _last;

    /// <inheritdoc />
    public override TimeSpan KnownAtOffset { get; }

    /// <inheritdoc />
    public override int PeriodsPerYear { get; }

    /// <summary>The full-day closures on would-be trading days, ascending by date.</summary>
    public IReadOnlyList<CalendarClosure> Closures
    {
        get
        {
            var list = new List<CalendarClosure>(_closures.Count);
            foreach ((DateOnly date, string reason) in _closures)
            {
                list.Add(new CalendarClosure(date, reason));
            }

            list.Sort(static (a, b) => a.Date.CompareTo(b.Date));
            return list;
        }
    }

    /// <inheritdoc />
    public override bool IsSession(DateOnly date)
    {
        int k = date.DayNumber - _first.DayNumber;
        return k >= 0 && date <= _last && _sessionsBefore[k + 1] != _sessionsBefore[k];
    }

    /// <inheritdoc />
    public override bool TryGetSession(DateOnly date, out TradingSession session)
    {
        if (!IsSession(date))
        {
            session = default;
            return false;
        }

        session = _sessions[_sessionsBefore[date.DayNumber - _first.DayNumber]];
        return true;
    }

    /// <inheritdoc />
    public override int CountSessionsBetween(DateOnly after, DateOnly before)
    {
        int lo = Math.Max(after.DayNumber + 1, _first.DayNumber) - _first.DayNumber;
        int hi = Math.Min(before.DayNumber - 1, _last.DayNumber) - _first.DayNumber;
        return hi < lo ? 0 : _sessionsBefore[hi + 1] - _sessionsBefore[lo];
    }

    /// <inheritdoc />
    public override DateOnly[] Sessions(DateOnly first, DateOnly last)
    {
        int lo = Math.Max(first.DayNumber, _first.DayNumber) - _first.DayNumber;
        int hi = Math.Min(last.DayNumber, _last.DayNumber) - _first.DayNumber;
        if (hi < lo)
        {
            return [];
        }

        int from = _sessionsBefore[lo], to = _sessionsBefore[hi + 1];
        var dates = new DateOnly[to - from];
        for (int i = 0; i < dates.Length; i++)
        {
            dates[i] = _sessions[from + i].Date;
        }

        return dates;
    }

    /// <inheritdoc />
    public override string? ClosureReason(DateOnly date)
    {
        if (date >= _first && date <= _last && _closures.TryGetValue(date, out string? reason))
        {
            return reason;
        }

        string? outside = base.ClosureReason(date);
        return outside is null || !_listedSessions || date < _first || date > _last ? outside : "not a listed session";
    }

    private static void Validate(SessionCalendarDefinition definition)
    {
        Require(IdPattern().IsMatch(definition.Id), definition, "the id must be 2–16 upper-case letters, digits or '_'");
        ArgumentNullException.ThrowIfNull(definition.TimeZone);
        Require(definition.Close > definition.Open, definition, $"the close {definition.Close:HH:mm} must be after the open {definition.Open:HH:mm}");
        Require(definition.LastDate >= definition.FirstDate, definition, $"the last date {definition.LastDate:yyyy-MM-dd} precedes the first {definition.FirstDate:yyyy-MM-dd}");
        Require(definition.LastDate.DayNumber - definition.FirstDate.DayNumber < 200 * 366, definition, "the coverage is longer than 200 years");
        Require(definition.Sessions is not null || new HashSet<DayOfWeek>(definition.WeekendDays).Count < 7, definition, "every day of the week is a weekend day; at least one must trade");
        foreach (CalendarClosure c in definition.Closures)
        {
            Require(c.Date >= definition.FirstDate && c.Date <= definition.LastDate, definition, $"closure {c.Date:yyyy-MM-dd} is outside the coverage");
            Require(!string.IsNullOrWhiteSpace(c.Reason), definition, $"closure {c.Date:yyyy-MM-dd} has no reason");
        }

        foreach (EarlyClose e in definition.EarlyCloses)
        {
            Require(e.LocalClose > definition.Open && e.LocalClose < definition.Close, definition, $"early close {e.Date:yyyy-MM-dd} at {e.LocalClose:HH:mm} is not between the open and the regular close");
        }

        if (definition.Sessions is { } sessions)
        {
            for (int i = 0; i < sessions.Count; i++)
            {
                Require(sessions[i] >= definition.FirstDate && sessions[i] <= definition.LastDate, definition, $"session {sessions[i]:yyyy-MM-dd} is outside the coverage");
                Require(i == 0 || sessions[i] > sessions[i - 1], definition, $"sessions must be strictly increasing ({sessions[Math.Max(0, i - 1)]:yyyy-MM-dd} then {sessions[i]:yyyy-MM-dd})");
            }
        }
    }

    private static void Require(bool condition, SessionCalendarDefinition definition, string problem)
    {
        if (!condition)
        {
            throw new DomainValidationException(ErrorCodes.InvalidCalendar, $"Calendar {definition.Id}: {problem}.");
        }
    }

    [GeneratedRegex("^[A-Z0-9_]{2,16}$")]
    private static partial Regex IdPattern();
}
