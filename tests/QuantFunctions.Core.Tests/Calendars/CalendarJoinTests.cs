using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Calendars;

public sealed class CalendarJoinTests
{
    [Fact]
    public void Inner_CryptoWeekAndEquityWeek_KeepsCommonDatesAndReportsDrops()
    {
        TradingCalendar crypto = ExchangeCalendars.Crypto;
        SessionCalendar nyse = ExchangeCalendars.Nyse;
        DateOnly first = new(2024, 3, 25), last = new(2024, 3, 31);
        DateOnly[] cd = crypto.Sessions(first, last);
        DateOnly[] ed = nyse.Sessions(first, last);
        double[] cv = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07];
        double[] ev = [0.1, double.NaN, 0.3, 0.4];
        CalendarJoinResult join = CalendarJoin.Inner([new DatedSeries("C", cd, cv), new DatedSeries("E", ed, ev)]);

        // Equity sessions: Mon 25, Tue 26, Wed 27, Thu 28 (Fri 29 is Good Friday); Tue has no observation.
        Assert.Equal([new DateOnly(2024, 3, 25), new(2024, 3, 27), new(2024, 3, 28)], join.Panel.Dates);
        Assert.Equal([0.01, 0.03, 0.04], join.Panel.Column(0).ToArray());
        Assert.Equal([0.1, 0.3, 0.4], join.Panel.Column(1).ToArray());
        Assert.Equal(new JoinDrop("C", 7, 3, 4), join.Drops[0]);
        Assert.Equal(new JoinDrop("E", 3, 3, 0), join.Drops[1]);
        foreach (double v in join.Panel.Values)
        {
            Assert.False(double.IsNaN(v));
        }
    }
}
