namespace QuantFunctions.Core.Selection;

/// <summary>The normalisations of a CARS 2.1 factor across candidates (docs/selection.md).</summary>
public static class FactorNormalization
{
    /// <summary>(rank − 1)/(n − 1), rank 1 = lowest; ties share the mean rank.</summary>
    public const string Rank = "rank";

    /// <summary>(x − mean)/sd (population sd; 0 when sd = 0).</summary>
    public const string ZScore = "zscore";

    /// <summary>1/(1 + e^(−z)) of the z-score.</summary>
    public const string Logistic = "logistic";

    /// <summary>Every normalisation.</summary>
    public static IReadOnlyList<string> All { get; } = [Rank, ZScore, Logistic];

    /// <summary>Whether <paramref name="name"/> is a normalisation.</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>Normalises <paramref name="values"/> into <paramref name="destination"/>; NaN inputs stay NaN and are left out of the statistics.</summary>
    /// <param name="values">One factor, one value per candidate.</param>
    /// <param name="method">A name of <see cref="All"/>.</param>
    /// <param name="destination">Same length.</param>
    public static void Apply(ReadOnlySpan<double> values, string method, Span<double> destination)
    {
        if (method == Rank)
        {
            Ranks(values, destination);
            return;
        }

        double sum = 0, sumSq = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        double mean = n > 0 ? sum / n : 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sumSq += (v - mean) * (v - mean);
            }
        }

        double sd = n > 0 ? Math.Sqrt(sumSq / n) : 0;
        for (int i = 0; i < values.Length; i++)
        {
            double z = double.IsNaN(values[i]) ? double.NaN : sd > 0 ? (values[i] - mean) / sd : 0;
            destination[i] = method == Logistic ? 1.0 / (1.0 + Math.Exp(-z)) : z;
        }
    }

    /// <summary>Mean-of-ties ranks scaled to [0, 1]: (rank − 1)/(n − 1) with rank 1 the lowest value; 0.5 for a single value.</summary>
    public static void Ranks(ReadOnlySpan<double> values, Span<double> destination)
    {
        int n = 0;
        foreach (double v in values)
        {
            n += double.IsNaN(v) ? 0 : 1;
        }

        int[] order = new int[n];
        double[] keys = new double[n];
        for (int i = 0, k = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                (order[k], keys[k]) = (i, values[i]);
                k++;
            }
            else
            {
                destination[i] = double.NaN;
            }
        }

        Array.Sort(keys, order);
        for (int a = 0; a < n;)
        {
            int b = a;
            while (b + 1 < n && keys[b + 1] == keys[a])
            {
                b++;
            }

            double rank = ((a + b) / 2.0) + 1.0;
            for (int k = a; k <= b; k++)
            {
                destination[order[k]] = n > 1 ? (rank - 1.0) / (n - 1.0) : 0.5;
            }

            a = b + 1;
        }
    }
}
