using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Calendars;

/// <summary>
/// Aligns return series that live on different calendars (e.g. a 24×7 crypto sleeve and an equity
/// sleeve) onto their common dates by compounding: the aligned return on common date tₖ is
/// Π(1 + rᵢ) − 1 over the series' returns dated in (tₖ₋₁, tₖ]. Weekend crypto returns are carried into
/// the next common session instead of being dropped, and nothing is filled: a common date needs every
/// series to have a return on it. Returns before the first or after the last common date are dropped
/// and counted per series.
/// </summary>
public static class CompoundedAlignment
{
    /// <summary>Aligns the series on the dates every one of them observes.</summary>
    /// <returns>The aligned panel (columns in input order) and, per series, the returns that could not be placed.</returns>
    /// <exception cref="DomainValidationException">No common date, or a series has unsorted or duplicate dates.</exception>
    public static (ReturnPanel Panel, int[] Dropped) Align(IReadOnlyList<DatedSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfZero(series.Count);
        foreach (DatedSeries s in series)
        {
            for (int i = 1; i < s.Count; i++)
            {
                if (s.Dates[i] <= s.Dates[i - 1])
                {
                    throw new DomainValidationException(ErrorCodes.NonMonotonicDates, $"Series '{s.Name}': dates must be strictly increasing ({s.Dates[i - 1]:yyyy-MM-dd} then {s.Dates[i]:yyyy-MM-dd}).");
                }
            }
        }

        DateOnly[] dates = CalendarJoin.CommonObservedDates(series);
        if (dates.Length == 0)
        {
            throw new DomainValidationException(ErrorCodes.InsufficientData, "The series share no common date.");
        }

        double[] values = new double[dates.Length * series.Count];
        int[] dropped = new int[series.Count];
        for (int j = 0; j < series.Count; j++)
        {
            DatedSeries s = series[j];
            Span<double> column = values.AsSpan(j * dates.Length, dates.Length);
            int k = 0;
            double growth = 1.0;
            int pending = 0;
            for (int i = 0; i < s.Count; i++)
            {
                double r = s.Values[i];
                if (double.IsNaN(r))
                {
                    continue;
                }

                if (s.Dates[i] < dates[0] && k == 0)
                {
                    dropped[j]++;
                    continue;
                }

                while (k < dates.Length && dates[k] < s.Dates[i])
                {
                    k++;
                }

                if (k == dates.Length)
                {
                    dropped[j]++;
                    continue;
                }

                growth *= 1.0 + r;
                pending++;
                if (dates[k] == s.Dates[i])
                {
                    column[k] = growth - 1.0;
                    growth = 1.0;
                    pending = 0;
                    k++;
                }
            }

            dropped[j] += pending;
        }

        string[] names = new string[series.Count];
        for (int j = 0; j < names.Length; j++)
        {
            names[j] = series[j].Name;
        }

        return (new ReturnPanel(dates, names, values), dropped);
    }
}
