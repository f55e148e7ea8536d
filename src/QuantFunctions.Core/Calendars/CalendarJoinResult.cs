using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>The result of an inner join of series on mixed calendars.</summary>
/// <param name="Panel">The aligned panel on the common dates; it contains no NaN.</param>
/// <param name="Drops">Per series, in input order: rows before, kept and dropped.</param>
public sealed record CalendarJoinResult(ReturnPanel Panel, IReadOnlyList<JoinDrop> Drops);
