namespace QuantFunctions.Core.Reporting;

/// <summary>Compounds periodic returns by calendar month or year: <c>Π(1 + r) − 1</c> over the periods in each.</summary>
internal static class PeriodReturns
{
    /// <summary>Compounded return per calendar year, years ascending (only years with a period).</summary>
    public static (int[] Years, double[] Values) Yearly(DateOnly[] dates, ReadOnlySpan<double> returns)
    {
        (int[] keys, double[] values) = Compound(dates, returns, static d => d.Year);
        return (keys, values);
    }

    /// <summary>Compounded return per calendar month, keyed <c>year × 12 + month − 1</c>, ascending.</summary>
    public static (int[] Months, double[] Values) Monthly(DateOnly[] dates, ReadOnlySpan<double> returns) =>
        Compound(dates, returns, static d => (d.Year * 12) + d.Month - 1);

    private static (int[] Keys, double[] Values) Compound(DateOnly[] dates, ReadOnlySpan<double> returns, Func<DateOnly, int> keyOf)
    {
        var keys = new List<int>();
        var values = new List<double>();
        double growth = 1.0;
        for (int t = 0; t < returns.Length; t++)
        {
            int key = keyOf(dates[t]);
            if (keys.Count == 0 || keys[^1] != key)
            {
                if (keys.Count > 0)
                {
                    values.Add(growth - 1.0);
                }

                keys.Add(key);
                growth = 1.0;
            }

            growth *= 1.0 + returns[t];
        }

        if (keys.Count > 0)
        {
            values.Add(growth - 1.0);
        }

        return ([.. keys], [.. values]);
    }
}
