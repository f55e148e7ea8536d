using QuantFunctions.Core.Scheduling;

namespace QuantFunctions.Core.Tests.Scheduling;

public sealed class NCrontabScheduleTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Theory]
    // Hand-worked from the field definitions; 2026-11-21 is a Saturday.
    [InlineData("0 30 22 * * *", "2026-11-21T10:00:00Z", "2026-11-21T22:30:00Z")]
    [InlineData("0 30 22 * * *", "2026-11-21T22:30:00Z", "2026-11-22T22:30:00Z")]
    [InlineData("0 */5 * * * *", "2026-11-21T10:02:07Z", "2026-11-21T10:05:00Z")]
    [InlineData("*/15 * * * * *", "2026-11-21T10:02:07Z", "2026-11-21T10:02:15Z")]
    [InlineData("0 0 9 * * MON-FRI", "2026-11-21T10:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 0 1 JAN *", "2026-11-21T10:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 0 12 29 2 *", "2026-11-21T10:00:00Z", "2028-02-29T12:00:00Z")]
    [InlineData("0 0 0 * * 7", "2026-11-21T10:00:00Z", "2026-11-22T00:00:00Z")]
    [InlineData("5,10 0 0 * * *", "2026-11-21T00:00:05Z", "2026-11-21T00:00:10Z")]
    public void GetNextOccurrence_KnownSchedules_MatchHandWorkedTimes(string expression, string after, string expected)
    {
        NCrontabSchedule schedule = NCrontabSchedule.Parse(expression);
        DateTimeOffset? next = schedule.GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("0 30 22 * *", "6 fields")]
    [InlineData("60 * * * * *", "second value '60'")]
    [InlineData("0 0 24 * * *", "hour value '24'")]
    [InlineData("0 0 0 0 * *", "day value '0'")]
    [InlineData("0 0 0 * 13 *", "month value '13'")]
    [InlineData("0 0 0 * * FUNDAY", "day-of-week value 'FUNDAY'")]
    [InlineData("0 10-5 * * * *", "runs backwards")]
    public void Parse_InvalidExpression_NamesTheField(string expression, string fragment)
    {
        FormatException ex = Assert.Throws<FormatException>(() => NCrontabSchedule.Parse(expression));
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetNextOccurrence_RepeatedCalls_AreStrictlyIncreasingAndOnSchedule()
    {
        NCrontabSchedule schedule = NCrontabSchedule.Parse("0 0 */6 * * *");
        DateTimeOffset t = Utc(2026, 12, 31, 20);
        for (int i = 0; i < 12; i++)
        {
            DateTimeOffset next = schedule.GetNextOccurrence(t)!.Value;
            Assert.True(next > t);
            Assert.Equal(0, next.Hour % 6);
            Assert.Equal(0, next.Minute);
            t = next;
        }

        Assert.Equal(Utc(2027, 1, 3, 18), t);
    }

    [Fact]
    public void ParseWithOptionalSeconds_FiveFields_RunsAtSecondZeroAndKeepsTheSixFieldForm()
    {
        NCrontabSchedule five = NCrontabSchedule.ParseWithOptionalSeconds("30 22 * * 1-5");

        Assert.Equal("0 30 22 * * 1-5", five.Expression);
        // 2026-11-21 is a Saturday: the next weekday 22:30:00 is Monday the 23rd.
        Assert.Equal(Utc(2026, 11, 23, 22, 30), five.GetNextOccurrence(Utc(2026, 11, 21, 10)));
        Assert.Equal("0 30 22 * * 1-5", NCrontabSchedule.ParseWithOptionalSeconds("0 30 22 * * 1-5").Expression);
        Assert.Throws<FormatException>(() => NCrontabSchedule.Parse("30 22 * * 1-5"));
        Assert.Contains("4", Assert.Throws<FormatException>(() => NCrontabSchedule.ParseWithOptionalSeconds("30 22 * *")).Message, StringComparison.Ordinal);
    }
}
