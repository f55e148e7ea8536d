using QuantFunctions.Core.Calendars;

namespace QuantFunctions.Core.Tests.Calendars;

public sealed class MarketDayNormalizationTests
{
    [Fact]
    public void FindGaps_OneAndThreeMissingSessions_ToleratesOnlyTheSingle()
    {
        TradingCalendar crypto = ExchangeCalendars.Crypto;
        DateOnly[] dates = [new(2024, 1, 1), new(2024, 1, 2), new(2024, 1, 4), new(2024, 1, 8)];
        IReadOnlyList<SessionGap> gaps = MarketDayNormalization.FindGaps(crypto, dates);
        Assert.Equal(2, gaps.Count);
        Assert.Equal(new SessionGap(new(2024, 1, 2), new(2024, 1, 4), 1, true), gaps[0]);
        Assert.Equal(new SessionGap(new(2024, 1, 4), new(2024, 1, 8), 3, false), gaps[1]);
        Assert.Equal(3, MarketDayNormalization.UntoleratedMissingSessions(gaps));
    }

    [Fact]
    public void FindGaps_EquityOverWeekendAndHoliday_FindsNone()
    {
        SessionCalendar nyse = ExchangeCalendars.Nyse;
        DateOnly[] dates = [new(2024, 3, 28), new(2024, 4, 1), new(2024, 4, 2)];
        Assert.Empty(MarketDayNormalization.FindGaps(nyse, dates));
    }
}
