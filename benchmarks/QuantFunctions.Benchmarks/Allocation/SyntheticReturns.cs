using System.Globalization;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Benchmarks.Allocation;

/// <summary>
/// Benchmark inputs: a returns CSV (<c>date,A,B,…</c>, as scripts/bench-allocation-peer.sh writes it
/// for the peer and us) named by QF_ALLOC_RETURNS, else seeded synthetic returns with a factor
/// structure (5 factors, loadings ~ U(0, 1.2), idiosyncratic vol 1–3% daily).
/// </summary>
public static class SyntheticReturns
{
    public static ReturnPanel Load(int assets = 500, int days = 2000, int seed = 42)
    {
        string? file = Environment.GetEnvironmentVariable("QF_ALLOC_RETURNS");
        return string.IsNullOrEmpty(file) ? Generate(assets, days, seed) : ReadCsv(file);
    }

    public static ReturnPanel Generate(int assets, int days, int seed)
    {
        const int factors = 5;
        var rng = new Random(seed);
        double[] f = new double[factors * days];
        for (int k = 0; k < f.Length; k++)
        {
            f[k] = Normal(rng) * 0.01;
        }

        double[] r = new double[assets * days];
        for (int j = 0; j < assets; j++)
        {
            double[] load = new double[factors];
            for (int k = 0; k < factors; k++)
            {
                load[k] = rng.NextDouble() * 1.2;
            }

            double idio = 0.01 + (0.02 * rng.NextDouble()), drift = (rng.NextDouble() - 0.3) * 0.001;
            for (int t = 0; t < days; t++)
            {
                double v = drift + (idio * Normal(rng));
                for (int k = 0; k < factors; k++)
                {
                    v += load[k] * f[(k * days) + t];
                }

                r[(j * days) + t] = v;
            }
        }

        string[] names = new string[assets];
        for (int j = 0; j < assets; j++)
        {
            names[j] = "A" + j.ToString("D3", CultureInfo.InvariantCulture);
        }

        return ReturnPanel.Undated(names, days, r);
    }

    public static ReturnPanel ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] names = lines[0].Split(',')[1..];
        int rows = lines.Length - 1;
        double[] v = new double[rows * names.Length];
        for (int t = 0; t < rows; t++)
        {
            string[] cells = lines[t + 1].Split(',');
            for (int j = 0; j < names.Length; j++)
            {
                v[(j * rows) + t] = double.Parse(cells[j + 1], CultureInfo.InvariantCulture);
            }
        }

        return ReturnPanel.Undated(names, rows, v);
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
