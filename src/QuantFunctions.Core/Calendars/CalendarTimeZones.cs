using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>IANA time zones and local-to-UTC conversion for session times.</summary>
public static class CalendarTimeZones
{
    /// <summary>The IANA id of New York (NYSE, Nasdaq, the FX day roll).</summary>
    public const string NewYork = "America/New_York";

    /// <summary>Finds a time zone by its IANA id.</summary>
    /// <param name="ianaId">The IANA id, e.g. <c>America/New_York</c>.</param>
    /// <param name="where">What asked for it, for the message (e.g. a calendar file).</param>
    /// <returns>The time zone.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.UnknownTimeZone"/>.</exception>
    public static TimeZoneInfo Find(string ianaId, string where)
    {
        ArgumentException.ThrowIfNullOrEmpty(ianaId);
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new DomainValidationException(ErrorCodes.UnknownTimeZone, $"{where}: time zone '{ianaId}' is not a known IANA time zone ({ex.Message}).");
        }
    }

    /// <summary>The UTC instant of a local wall-clock time on a date.</summary>
    /// <param name="zone">The time zone.</param>
    /// <param name="date">The local date.</param>
    /// <param name="time">The local time.</param>
    /// <returns>The instant, with offset zero.</returns>
    /// <exception cref="DomainValidationException">The local time does not exist (skipped by a daylight-saving change).</exception>
    public static DateTimeOffset ToUtc(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        DateTime local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            throw new DomainValidationException(
                ErrorCodes.InvalidCalendar, $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (skipped by a daylight-saving change).");
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
