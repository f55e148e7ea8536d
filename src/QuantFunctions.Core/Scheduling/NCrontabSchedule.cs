namespace QuantFunctions.Core.Scheduling;

/// <summary>
/// A six-field NCRONTAB schedule as Azure Functions timer triggers use it:
/// <c>{second} {minute} {hour} {day} {month} {day-of-week}</c> (e.g. <c>0 30 22 * * 1-5</c>).
/// </summary>
/// <remarks>
/// Each field takes <c>*</c>, a number, a range <c>a-b</c>, a step <c>*/n</c> or <c>a-b/n</c>, or a comma
/// list of these. Months accept JAN–DEC and days of week SUN–SAT (0 = Sunday; 7 is also Sunday).
/// When both day-of-month and day-of-week are restricted, a date must match both (NCrontab's rule).
/// Times are UTC. Pure: the caller passes the current time.
/// </remarks>
public sealed class NCrontabSchedule
{
    private static readonly Dictionary<string, int> MonthNames = new(StringComparer.Ordinal)
    {
        ["JAN"] = 1, ["FEB"] = 2, ["MAR"] = 3, ["APR"] = 4, ["MAY"] = 5, ["JUN"] = 6,
        ["JUL"] = 7, ["AUG"] = 8, ["SEP"] = 9, ["OCT"] = 10, ["NOV"] = 11, ["DEC"] = 12,
    };

    private static readonly Dictionary<string, int> DayNames = new(StringComparer.Ordinal)
    {
        ["SUN"] = 0, ["MON"] = 1, ["TUE"] = 2, ["WED"] = 3, ["THU"] = 4, ["FRI"] = 5, ["SAT"] = 6,
    };

    private readonly CronField _seconds;
    private readonly CronField _minutes;
    private readonly CronField _hours;
    private readonly CronField _days;
    private readonly CronField _months;
    private readonly CronField _daysOfWeek;

    private NCrontabSchedule(string expression, CronField[] fields)
    {
        Expression = expression;
        (_seconds, _minutes, _hours, _days, _months, _daysOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }

    /// <summary>The expression as given.</summary>
    public string Expression { get; }

    /// <summary>Parses a six-field expression.</summary>
    /// <exception cref="FormatException">Not six fields, or a field value is out of range; the message names the field.</exception>
    public static NCrontabSchedule Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        string[] parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 6)
        {
            throw new FormatException($"NCRONTAB '{expression}' must have 6 fields ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}), not {parts.Length}.");
        }

        CronField dow = CronField.Parse(parts[5].Replace("7", "0", StringComparison.Ordinal), 0, 6, "day-of-week", expression, DayNames);
        CronField[] fields =
        [
            CronField.Parse(parts[0], 0, 59, "second", expression),
            CronField.Parse(parts[1], 0, 59, "minute", expression),
            CronField.Parse(parts[2], 0, 23, "hour", expression),
            CronField.Parse(parts[3], 1, 31, "day", expression),
            CronField.Parse(parts[4], 1, 12, "month", expression, MonthNames),
            dow,
        ];
        return new NCrontabSchedule(expression, fields);
    }

    /// <summary>
    /// Parses a manifest's schedule: six fields, or five without seconds (classic cron), which run at second 0 and are
    /// kept as their six-field form (<c>30 22 * * *</c> → <see cref="Expression"/> <c>0 30 22 * * *</c>).
    /// </summary>
    /// <exception cref="FormatException">Neither five nor six fields, or a field value is out of range; the message names the field.</exception>
    public static NCrontabSchedule ParseWithOptionalSeconds(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        int fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        return Parse(fields == 5 ? "0 " + expression.Trim() : expression);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC), or null within 10 years.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        DateTime start = after.UtcDateTime.AddTicks(TimeSpan.TicksPerSecond - (after.UtcDateTime.Ticks % TimeSpan.TicksPerSecond));
        DateTime limit = start.AddYears(10);
        for (DateTime day = start.Date; day <= limit; day = day.AddDays(1))
        {
            if (!_months.Contains(day.Month) || !_days.Contains(day.Day) || !_daysOfWeek.Contains((int)day.DayOfWeek))
            {
                continue;
            }

            bool sameDay = day == start.Date;
            int h = _hours.NextAtOrAfter(sameDay ? start.Hour : 0);
            while (h >= 0)
            {
                bool sameHour = sameDay && h == start.Hour;
                int m = _minutes.NextAtOrAfter(sameHour ? start.Minute : 0);
                while (m >= 0)
                {
                    bool sameMinute = sameHour && m == start.Minute;
                    int s = _seconds.NextAtOrAfter(sameMinute ? start.Second : 0);
                    if (s >= 0)
                    {
                        return new DateTimeOffset(day.Year, day.Month, day.Day, h, m, s, TimeSpan.Zero);
                    }

                    m = _minutes.NextAtOrAfter(m + 1);
                }

                h = _hours.NextAtOrAfter(h + 1);
            }
        }

        return null;
    }
}
