using QuantFunctions.Core.Calendars;

namespace QuantFunctions.Core.Tests.Calendars;

/// <summary>FX 24×5: the week runs Sunday 17:00 to Friday 17:00 New York (hand-checked against the US daylight-saving dates of 2024).</summary>
public sealed class ForexCalendarTests
{
    private static readonly TradingCalendar Fx = ExchangeCalendars.Forex;

    [Fact]
    public void TryGetSession_MondayInWinter_OpensSunday2200Utc()
    {
        Assert.True(Fx.TryGetSession(new DateOnly(2024, 1, 8), out TradingSession monday));
        Assert.Equal(new DateTimeOffset(2024, 1, 7, 22, 0, 0, TimeSpan.Zero), monday.OpenUtc);
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 22, 0, 0, TimeSpan.Zero), monday.CloseUtc);
        Assert.True(Fx.TryGetSession(new DateOnly(2024, 1, 12), out TradingSession friday));
        Assert.Equal(new DateTimeOffset(2024, 1, 12, 22, 0, 0, TimeSpan.Zero), friday.CloseUtc);
    }

    [Fact]
    public void TryGetSession_DaylightSavingWeekend_OpensSunday2100Utc()
    {
        // Clocks in New York go forward on Sunday 2024-03-10 at 02:00, before the 17:00 open.
        Assert.True(Fx.TryGetSession(new DateOnly(2024, 3, 11), out TradingSession monday));
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 21, 0, 0, TimeSpan.Zero), monday.OpenUtc);
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 21, 0, 0, TimeSpan.Zero), monday.CloseUtc);
        Assert.Equal(TimeSpan.FromHours(24), monday.CloseUtc - monday.OpenUtc);
        // Clocks go back on Sunday 2024-11-03 at 02:00, also before the open: every session lasts 24 hours.
        Assert.True(Fx.TryGetSession(new DateOnly(2024, 11, 4), out TradingSession afterFallBack));
        Assert.Equal(new DateTimeOffset(2024, 11, 3, 22, 0, 0, TimeSpan.Zero), afterFallBack.OpenUtc);
        Assert.Equal(TimeSpan.FromHours(24), afterFallBack.CloseUtc - afterFallBack.OpenUtc);
    }

    [Fact]
    public void Sessions_Year_AreTheWeekdays()
    {
        DateOnly[] sessions = Fx.Sessions(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        Assert.Equal(262, sessions.Length); // 2024: 366 days, 52 weeks + Monday and Tuesday
        Assert.DoesNotContain(sessions, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.False(Fx.IsSession(new DateOnly(2024, 3, 9)));
        Assert.Equal("weekend", Fx.ClosureReason(new DateOnly(2024, 3, 10)));
    }

    [Fact]
    public void CountSessionsBetween_RandomPairs_MatchesADayByDayCount()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 1_000; trial++)
        {
            DateOnly a = new DateOnly(2000, 1, 1).AddDays(random.Next(0, 9_000)), b = a.AddDays(random.Next(0, 60));
            int naive = 0;
            for (DateOnly d = a.AddDays(1); d < b; d = d.AddDays(1))
            {
                naive += Fx.IsSession(d) ? 1 : 0;
            }

            Assert.Equal(naive, Fx.CountSessionsBetween(a, b));
        }
    }
}
