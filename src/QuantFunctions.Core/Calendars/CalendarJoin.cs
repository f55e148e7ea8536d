using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// Joins series that live on different calendars (e.g. 24×7 crypto and an equity session
/// calendar) on the intersection of their observed dates.
/// </summary>
/// <remarks>
/// Inner join: a date is kept only when every series has an observation (a non-NaN value) on it.
/// Nothing is forward-filled or zero-filled; the number of observed rows each series lost is
/// reported in <see cref="CalendarJoinResult.Drops"/> so callers can record it.
/// </remarks>
public static class CalendarJoin
{
    /// <summary>Inner-joins series on their common observed dates.</summary>
    /// <param name="series">The series (names unique); at least one.</param>
    /// <returns>The aligned panel and the rows dropped per series.</returns>
    /// <exception cref="DomainValidationException">On duplicate names.</exception>
    public static CalendarJoinResult Inner(IReadOnlyList<DatedSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfZero(series.Count);
        DateOnly[] dates = CommonObservedDates(series);
        string[] names = new string[series.Count];
        double[] values = new double[dates.Length * series.Count];
        var drops = new JoinDrop[series.Count];
        for (int j = 0; j < series.Count; j++)
        {
            DatedSeries s = series[j];
            names[j] = s.Name;
            Span<double> column = values.AsSpan(j * dates.Length, dates.Length);
            int row = 0, observed = 0;
            for (int i = 0; i < s.Count; i++)
            {
                if (double.IsNaN(s.Values[i]))
                {
                    continue;
                }

                observed++;
                if (row < dates.Length && dates[row] == s.Dates[i])
                {
                    column[row++] = s.Values[i];
                }
            }

            drops[j] = new JoinDrop(s.Name, observed, dates.Length, observed - dates.Length);
        }

        return new CalendarJoinResult(new ReturnPanel(dates, names, values), drops);
    }

    /// <summary>The dates on which every series has an observation (a non-NaN value), ascending.</summary>
    internal static DateOnly[] CommonObservedDates(IReadOnlyList<DatedSeries> series)
    {
        var counts = new Dictionary<DateOnly, int>();
        foreach (DatedSeries s in series)
        {
            for (int i = 0; i < s.Count; i++)
            {
                if (!double.IsNaN(s.Values[i]))
                {
                    counts[s.Dates[i]] = counts.GetValueOrDefault(s.Dates[i]) + 1;
                }
            }
        }

        var common = new List<DateOnly>();
        foreach ((DateOnly date, int count) in counts)
        {
            if (count == series.Count)
            {
                common.Add(date);
            }
        }

        common.Sort();
        return [.. common];
    }
}
