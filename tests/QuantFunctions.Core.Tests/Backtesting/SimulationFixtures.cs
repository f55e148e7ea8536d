using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

/// <summary>Seeded panels and allocators shared by the simulator tests.</summary>
internal static class SimulationFixtures
{
    public static readonly WindowAllocator EqualWeight = window =>
    {
        double[] w = new double[window.ColumnCount];
        Array.Fill(w, 1.0 / window.ColumnCount);
        return w;
    };

    /// <summary>A data-dependent allocator (inverse variance of the training window, scaled to 95 % invested), so a decision moves if it sees other data.</summary>
    public static readonly WindowAllocator InverseVariance = window =>
    {
        double[] w = new double[window.ColumnCount];
        double total = 0;
        for (int j = 0; j < w.Length; j++)
        {
            ReadOnlySpan<double> c = window.Column(j);
            double mean = 0, ss = 0;
            foreach (double x in c)
            {
                mean += x / c.Length;
            }

            foreach (double x in c)
            {
                ss += (x - mean) * (x - mean);
            }

            w[j] = 1.0 / (ss + 1e-12);
            total += w[j];
        }

        for (int j = 0; j < w.Length; j++)
        {
            w[j] *= 0.95 / total;
        }

        return w;
    };

    public static ReturnPanel Panel(int rows, string[] columns, double[] values)
    {
        var dates = new DateOnly[rows];
        for (int t = 0; t < rows; t++)
        {
            dates[t] = new DateOnly(2024, 1, 1).AddDays(t);
        }

        return new ReturnPanel(dates, columns, values);
    }

    /// <summary>Seeded returns, uniform in ±<paramref name="halfWidth"/>.</summary>
    public static ReturnPanel RandomPanel(int seed, int rows, int cols, double halfWidth = 0.02)
    {
        var rng = new Random(seed);
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (rng.NextDouble() - 0.5) * 2 * halfWidth;
        }

        string[] names = new string[cols];
        for (int j = 0; j < cols; j++)
        {
            names[j] = "S" + j.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Panel(rows, names, values);
    }
}
