namespace QuantFunctions.Core.Reporting;

/// <summary>Picks the series of the weights chart: the largest columns by mean |weight|, the rest summed as "other".</summary>
internal static class WeightSeries
{
    public static (string[] Names, double[][] Series) Top(WeightHistory history, int dates, int count)
    {
        int columns = history.Columns.Count;
        double[] size = new double[columns];
        int[] order = new int[columns];
        for (int c = 0; c < columns; c++)
        {
            ReadOnlySpan<double> w = history.Weights.AsSpan(c * dates, dates);
            double sum = 0;
            foreach (double v in w)
            {
                sum += Math.Abs(v);
            }

            size[c] = sum;
            order[c] = c;
        }

        // Largest first; ties by column order, so the choice is deterministic.
        Array.Sort(order, (a, b) => size[a] != size[b] ? size[b].CompareTo(size[a]) : a.CompareTo(b));
        int held = 0;
        while (held < columns && size[order[held]] > 0)
        {
            held++;
        }

        int shown = Math.Min(held, count);
        bool other = held > shown;
        string[] names = new string[shown + (other ? 1 : 0)];
        double[][] series = new double[names.Length][];
        for (int k = 0; k < shown; k++)
        {
            names[k] = history.Columns[order[k]];
            series[k] = history.Weights.AsSpan(order[k] * dates, dates).ToArray();
        }

        if (other)
        {
            names[^1] = $"other ({held - shown})";
            double[] rest = new double[dates];
            for (int k = shown; k < held; k++)
            {
                ReadOnlySpan<double> w = history.Weights.AsSpan(order[k] * dates, dates);
                for (int t = 0; t < dates; t++)
                {
                    rest[t] += w[t];
                }
            }

            series[^1] = rest;
        }

        return (names, series);
    }
}
