using System.Text;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Calendars;

/// <summary>
/// Resolves a calendar id for a stage or the CLI: a built-in (<see cref="ExchangeCalendars"/>) or a user calendar stored
/// in the lake at <c>_meta/calendars/{id}.json</c> (lower-case id; added with <c>quant calendar add FILE</c>), so every
/// engine — local, workers, the Functions app — sees the same definition and it can be fingerprinted as an input.
/// </summary>
public static class CalendarCatalog
{
    /// <summary>The lake path of a user calendar.</summary>
    /// <param name="id">The calendar id (e.g. <c>XTAE</c>).</param>
    /// <returns><c>_meta/calendars/{id lower-case}.json</c>.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.UnknownCalendar"/>: the id cannot name a calendar.</exception>
    public static LakePath PathOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (char c in id)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                throw Unknown(id, "calendar ids are upper-case letters, digits and '_'");
            }
        }

        return id.Length is >= 2 and <= 16 ? LakePathResolver.UserCalendar(id) : throw Unknown(id, "calendar ids have 2–16 characters");
    }

    /// <summary>Resolves a calendar by id: a built-in, else the user calendar stored in the lake.</summary>
    /// <param name="lake">The lake.</param>
    /// <param name="id">The calendar id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.UnknownCalendar"/> (neither built-in nor stored) or
    /// <see cref="ErrorCodes.InvalidCalendar"/> (the stored file is bad; the message names it).</exception>
    public static async Task<TradingCalendar> ResolveAsync(ILakeStore lake, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(id);
        if (ExchangeCalendars.IsBuiltIn(id))
        {
            return ExchangeCalendars.Resolve(id);
        }

        LakePath path = PathOf(id);
        LakeObject file = await lake.TryReadAsync(path, cancellationToken).ConfigureAwait(false)
            ?? throw Unknown(id, $"no user calendar at {path}; add one with 'quant calendar add FILE'");
        SessionCalendar calendar = UserCalendarFile.Parse(Encoding.UTF8.GetString(file.Content.Span), path.Value);
        return calendar.Id == id
            ? calendar
            : throw new DomainValidationException(ErrorCodes.InvalidCalendar, $"{path}: the file defines calendar '{calendar.Id}', not '{id}'.");
    }

    /// <summary>Checks a user calendar file and stores it in the lake (create-only: the same bytes again are a no-op).</summary>
    /// <param name="lake">The lake.</param>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The calendar and where it was stored.</returns>
    /// <exception cref="DomainValidationException">The file is bad (code <see cref="ErrorCodes.InvalidCalendar"/>) or its id is a built-in's.</exception>
    /// <exception cref="LakeConflictException">A different calendar with the same id is already stored.</exception>
    public static async Task<(SessionCalendar Calendar, LakePath Path)> AddAsync(ILakeStore lake, string json, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lake);
        SessionCalendar calendar = UserCalendarFile.Parse(json, source);
        if (ExchangeCalendars.IsBuiltIn(calendar.Id))
        {
            throw new DomainValidationException(ErrorCodes.InvalidCalendar, $"{source}: '{calendar.Id}' is a built-in calendar id; choose another id.");
        }

        LakePath path = PathOf(calendar.Id);
        await LakeWrites.WriteBytesOnceAsync(lake, path, Encoding.UTF8.GetBytes(json), cancellationToken).ConfigureAwait(false);
        return (calendar, path);
    }

    private static DomainValidationException Unknown(string id, string why) =>
        new(ErrorCodes.UnknownCalendar, $"Unknown calendar '{id}' (built-in: {string.Join(", ", ExchangeCalendars.BuiltInIds)}): {why}.");
}
