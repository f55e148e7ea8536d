using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Returns;

/// <summary>How <see cref="ReturnCalculator"/> forms returns: the convention, simple or log, and the calendar rules.</summary>
public sealed record ReturnOptions
{
    private readonly int _toleratedMissingSessions = MarketDayNormalization.DefaultToleratedMissingSessions;

    /// <summary>pandas-compatible simple returns (<see cref="ReturnConvention.Pandas"/>), as PyPortfolioOpt computes them from prices.</summary>
    public static ReturnOptions Pandas { get; } = new();

    /// <summary>Which prices a return spans.</summary>
    /// <value><see cref="ReturnConvention.Pandas"/>.</value>
    public ReturnConvention Convention { get; init; } = ReturnConvention.Pandas;

    /// <summary>Simple <c>P₁/P₀ − 1</c> or log <c>ln(P₁/P₀)</c>.</summary>
    /// <value><see cref="ReturnKind.Simple"/>.</value>
    public ReturnKind Kind { get; init; } = ReturnKind.Simple;

    /// <summary>The calendar of an instrument (a panel's columns are canonical symbols); required by <see cref="ReturnConvention.CalendarAware"/>.</summary>
    /// <value>None.</value>
    public Func<Symbol, TradingCalendar>? CalendarOf { get; init; }

    /// <summary>Calendar-aware only: holes of at most this many missing sessions are bridged.</summary>
    /// <value><see cref="MarketDayNormalization.DefaultToleratedMissingSessions"/> (1).</value>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public int ToleratedMissingSessions
    {
        get => _toleratedMissingSessions;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _toleratedMissingSessions = value;
        }
    }

    /// <summary>Calendar-aware returns (<see cref="ReturnConvention.CalendarAware"/>).</summary>
    /// <param name="calendarOf">The calendar of an instrument.</param>
    /// <param name="kind">Simple or log.</param>
    /// <param name="toleratedMissingSessions">Holes of at most this many missing sessions are bridged.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public static ReturnOptions CalendarAware(
        Func<Symbol, TradingCalendar> calendarOf, ReturnKind kind = ReturnKind.Simple, int toleratedMissingSessions = MarketDayNormalization.DefaultToleratedMissingSessions)
    {
        ArgumentNullException.ThrowIfNull(calendarOf);
        return new() { Convention = ReturnConvention.CalendarAware, CalendarOf = calendarOf, Kind = kind, ToleratedMissingSessions = toleratedMissingSessions };
    }
}
