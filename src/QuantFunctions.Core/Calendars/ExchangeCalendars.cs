using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// The built-in calendars by id: <c>XNYS</c> and <c>XNAS</c> (<see cref="NyseRules"/>, 1990 through the published
/// holidays), <c>XCRY</c> (24×7 crypto, <see cref="ContinuousCalendar"/>) and <c>FX</c> (24×5, <see cref="ForexCalendar"/>).
/// User calendars (<see cref="UserCalendarFile"/>) are resolved by the stages from the lake.
/// </summary>
public static class ExchangeCalendars
{
    /// <summary>The 24×7 crypto calendar id.</summary>
    public const string CryptoId = "XCRY";

    /// <summary>The New York Stock Exchange calendar id.</summary>
    public const string NyseId = "XNYS";

    /// <summary>The Nasdaq calendar id (the NYSE's sessions).</summary>
    public const string NasdaqId = "XNAS";

    /// <summary>The FX 24×5 calendar id.</summary>
    public const string ForexId = "FX";

    private static readonly Lazy<TimeZoneInfo> NewYork = new(() => CalendarTimeZones.Find(CalendarTimeZones.NewYork, "built-in calendars"));
    private static readonly Lazy<SessionCalendar> NyseCalendar = new(() => new SessionCalendar(NyseRules.Definition(NyseId, NewYork.Value)));
    private static readonly Lazy<SessionCalendar> NasdaqCalendar = new(() => new SessionCalendar(NyseRules.Definition(NasdaqId, NewYork.Value)));
    private static readonly Lazy<ForexCalendar> ForexCalendar = new(() => new ForexCalendar(NewYork.Value));
    private static readonly ContinuousCalendar CryptoCalendar = new(CryptoId);

    /// <summary>The ids of the built-in calendars.</summary>
    public static IReadOnlyList<string> BuiltInIds { get; } = [NyseId, NasdaqId, CryptoId, ForexId];

    /// <summary>The 24×7 calendar.</summary>
    public static TradingCalendar Crypto => CryptoCalendar;

    /// <summary>The NYSE calendar (built once, immutable).</summary>
    public static SessionCalendar Nyse => NyseCalendar.Value;

    /// <summary>The Nasdaq calendar (the NYSE's sessions).</summary>
    public static SessionCalendar Nasdaq => NasdaqCalendar.Value;

    /// <summary>The FX 24×5 calendar.</summary>
    public static TradingCalendar Forex => ForexCalendar.Value;

    /// <summary>Whether an id names a built-in calendar (ordinal, upper case).</summary>
    /// <param name="id">The id.</param>
    /// <returns>True for XNYS, XNAS, XCRY and FX.</returns>
    public static bool IsBuiltIn(string id) => id is NyseId or NasdaqId or CryptoId or ForexId;

    /// <summary>Resolves a built-in calendar by id.</summary>
    /// <param name="id"><c>XNYS</c>, <c>XNAS</c>, <c>XCRY</c> or <c>FX</c>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.UnknownCalendar"/>.</exception>
    public static TradingCalendar Resolve(string id) => id switch
    {
        NyseId => Nyse,
        NasdaqId => Nasdaq,
        CryptoId => Crypto,
        ForexId => Forex,
        _ => throw new DomainValidationException(ErrorCodes.UnknownCalendar, $"Unknown calendar '{id}' (built-in: {string.Join(", ", BuiltInIds)})."),
    };
}
