using System.Globalization;
using System.Text.Json;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// Reads a user-supplied calendar (JSON) for a venue the built-ins do not cover: either a rule set (a weekly
/// pattern with <c>weekend</c> days minus <c>closures</c>) or a file of <c>sessions</c>. Format in docs/calendars.md.
/// </summary>
/// <remarks>
/// Fields: <c>id</c>, <c>time_zone</c> (IANA), <c>open</c>/<c>close</c> (<c>HH:mm</c> local), <c>first_date</c>/<c>last_date</c>
/// (<c>yyyy-MM-dd</c>; optional with <c>sessions</c>: their first and last), <c>weekend</c> (day names, default
/// Saturday and Sunday), <c>closures</c> (<c>[{date, reason}]</c>), <c>early_closes</c> (<c>[{date, close, reason}]</c>),
/// <c>sessions</c> (dates), <c>periods_per_year</c>. Unknown fields are errors, so a typo is never ignored.
/// </remarks>
public static class UserCalendarFile
{
    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal)
    {
        "id", "time_zone", "open", "close", "first_date", "last_date", "weekend", "closures", "early_closes", "sessions", "periods_per_year", "description",
    };

    /// <summary>Parses and builds a user calendar.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where it came from (a path), for messages.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.InvalidCalendar"/> (or <see cref="ErrorCodes.UnknownTimeZone"/>), naming the source and the field.</exception>
    public static SessionCalendar Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentException.ThrowIfNullOrEmpty(source);
        try
        {
            return new SessionCalendar(ParseDefinition(json, source));
        }
        catch (DomainValidationException ex) when (ex.Code == ErrorCodes.InvalidCalendar && !ex.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw new DomainValidationException(ErrorCodes.InvalidCalendar, $"{source}: {ex.Message}");
        }
    }

    /// <summary>Parses a user calendar's definition without building it.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.InvalidCalendar"/>, naming the source and the field.</exception>
    public static SessionCalendarDefinition ParseDefinition(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw Invalid(source, $"not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, "the top level must be a JSON object");
            }

            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (!Fields.Contains(property.Name))
                {
                    throw Invalid(source, $"unknown field '{property.Name}' (known: {string.Join(", ", Fields)})");
                }
            }

            DateOnly[]? sessions = root.TryGetProperty("sessions", out JsonElement s) ? Array(s, source, "sessions", (e, at) => Date(e, source, at)) : null;
            DateOnly? first = Optional(root, "first_date", e => Date(e, source, "first_date")) ?? (sessions is { Length: > 0 } ? sessions[0] : null);
            DateOnly? last = Optional(root, "last_date", e => Date(e, source, "last_date")) ?? (sessions is { Length: > 0 } ? sessions[^1] : null);
            return new SessionCalendarDefinition
            {
                Id = Text(Required(root, "id", source), source, "id"),
                TimeZone = CalendarTimeZones.Find(Text(Required(root, "time_zone", source), source, "time_zone"), $"{source}: field 'time_zone'"),
                Open = Time(Required(root, "open", source), source, "open"),
                Close = Time(Required(root, "close", source), source, "close"),
                FirstDate = first ?? throw Invalid(source, "missing field 'first_date' (required without 'sessions')"),
                LastDate = last ?? throw Invalid(source, "missing field 'last_date' (required without 'sessions')"),
                WeekendDays = Optional(root, "weekend", e => Array(e, source, "weekend", (d, at) => Day(d, source, at))) ?? [DayOfWeek.Saturday, DayOfWeek.Sunday],
                Closures = Optional(root, "closures", e => Array(e, source, "closures", (c, at) =>
                    new CalendarClosure(Date(Required(c, "date", source, at), source, at + ".date"), Text(Required(c, "reason", source, at), source, at + ".reason")))) ?? [],
                EarlyCloses = Optional(root, "early_closes", e => Array(e, source, "early_closes", (c, at) =>
                    new EarlyClose(Date(Required(c, "date", source, at), source, at + ".date"), Time(Required(c, "close", source, at), source, at + ".close"), Text(Required(c, "reason", source, at), source, at + ".reason")))) ?? [],
                Sessions = sessions,
                PeriodsPerYear = Optional(root, "periods_per_year", e => e.TryGetInt32(out int n) && n is > 0 and <= 366 ? n : throw Invalid(source, "field 'periods_per_year' must be an integer in 1..366")),
            };
        }
    }

    private static T? Optional<T>(JsonElement root, string name, Func<JsonElement, T> read)
        where T : struct => root.TryGetProperty(name, out JsonElement e) ? read(e) : null;

    private static T[]? Optional<T>(JsonElement root, string name, Func<JsonElement, T[]> read) =>
        root.TryGetProperty(name, out JsonElement e) ? read(e) : null;

    private static JsonElement Required(JsonElement element, string name, string source, string? at = null) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement e)
            ? e
            : throw Invalid(source, at is null ? $"missing field '{name}'" : $"{at}: missing field '{name}'");

    private static T[] Array<T>(JsonElement element, string source, string field, Func<JsonElement, string, T> read)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(source, $"field '{field}' must be an array");
        }

        var items = new T[element.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            items[i] = read(item, FormattableString.Invariant($"{field}[{i}]"));
            i++;
        }

        return items;
    }

    private static string Text(JsonElement e, string source, string field) =>
        e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } text ? text : throw Invalid(source, $"field '{field}' must be a non-empty string");

    private static DateOnly Date(JsonElement e, string source, string field) =>
        DateOnly.TryParseExact(Text(e, source, field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d)
            ? d
            : throw Invalid(source, $"field '{field}': '{e}' is not a yyyy-MM-dd date");

    private static TimeOnly Time(JsonElement e, string source, string field) =>
        TimeOnly.TryParseExact(Text(e, source, field), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly t)
            ? t
            : throw Invalid(source, $"field '{field}': '{e}' is not an HH:mm time");

    private static DayOfWeek Day(JsonElement e, string source, string field) =>
        Enum.TryParse(Text(e, source, field), ignoreCase: true, out DayOfWeek day) && Enum.IsDefined(day) && !char.IsDigit(e.GetString()![0])
            ? day
            : throw Invalid(source, $"field '{field}': '{e}' is not a day name (Monday … Sunday)");

    private static DomainValidationException Invalid(string source, string problem) =>
        new(ErrorCodes.InvalidCalendar, $"{source}: {problem}.");
}
