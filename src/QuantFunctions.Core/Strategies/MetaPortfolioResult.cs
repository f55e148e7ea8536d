using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Strategies;

/// <summary>The meta portfolio's return stream and how the sleeves were aligned.</summary>
/// <param name="Returns">The meta portfolio's daily returns, named <c>meta</c>, on the sleeves' common dates.</param>
/// <param name="Weights">The sleeve weights used, in the order of the expected sleeves.</param>
/// <param name="Alignment">The inner join of the sleeves (panel and rows dropped per sleeve).</param>
public sealed record MetaPortfolioResult(DatedSeries Returns, IReadOnlyList<double> Weights, CalendarJoinResult Alignment);
