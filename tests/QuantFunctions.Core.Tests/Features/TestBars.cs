using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Tests.Features;

/// <summary>Seeded synthetic inputs for the feature tests.</summary>
internal static class TestBars
{
    public static readonly DateTimeOffset Start = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A geometric random walk with consistent OHLC, one bar per calendar day.</summary>
    public static BarSeries RandomWalk(string symbol, int count, int seed, double dailyVol = 0.02)
    {
        var random = new Random(seed);
        var dates = new DateOnly[count];
        double[] open = new double[count], high = new double[count], low = new double[count], close = new double[count], volume = new double[count];
        double price = 100;
        for (int i = 0; i < count; i++)
        {
            dates[i] = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(i);
            open[i] = price;
            price *= Math.Exp(dailyVol * Normal(random));
            close[i] = price;
            high[i] = Math.Max(open[i], close[i]) * (1 + (0.01 * random.NextDouble()));
            low[i] = Math.Min(open[i], close[i]) * (1 - (0.01 * random.NextDouble()));
            volume[i] = 1000 * (0.5 + random.NextDouble());
        }

        return new BarSeries(Symbol.Parse(symbol), dates, open, high, low, close, volume);
    }

    /// <summary>Bars whose open, high, low and close all equal the given closes.</summary>
    public static BarSeries FromCloses(string symbol, double[] close)
    {
        var dates = new DateOnly[close.Length];
        var volume = new double[close.Length];
        for (int i = 0; i < close.Length; i++)
        {
            dates[i] = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(i);
            volume[i] = 1;
        }

        return new BarSeries(Symbol.Parse(symbol), dates, (double[])close.Clone(), (double[])close.Clone(), (double[])close.Clone(), close, volume);
    }

    /// <summary>Standard normal draws (Box–Muller).</summary>
    public static double[] Noise(int count, int seed)
    {
        var random = new Random(seed);
        var x = new double[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = Normal(random);
        }

        return x;
    }

    public static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double[] Run(int length, Action<double[]> kernel)
    {
        var destination = new double[length];
        kernel(destination);
        return destination;
    }

    /// <summary>
    /// Fractional Gaussian noise with Hurst exponent <paramref name="hurst"/> by Hosking's (1984) exact method:
    /// Durbin–Levinson recursion on γ(k) = ½(|k+1|^{2H} − 2|k|^{2H} + |k−1|^{2H}), O(count²).
    /// </summary>
    public static double[] FractionalGaussianNoise(int count, double hurst, int seed)
    {
        double[] z = Noise(count, seed);
        double twoH = 2 * hurst;
        double Gamma(int k) => 0.5 * (Math.Pow(k + 1, twoH) - (2 * Math.Pow(k, twoH)) + Math.Pow(Math.Abs(k - 1), twoH));
        var x = new double[count];
        var phi = new double[count];
        var previous = new double[count];
        double variance = 1.0;
        x[0] = z[0];
        for (int t = 1; t < count; t++)
        {
            // Durbin–Levinson: partial autocorrelation φ_tt, then φ_tj = φ_{t−1,j} − φ_tt φ_{t−1,t−j}.
            double num = Gamma(t);
            for (int j = 1; j < t; j++)
            {
                num -= previous[j] * Gamma(t - j);
            }

            double ptt = num / variance;
            phi[t] = ptt;
            for (int j = 1; j < t; j++)
            {
                phi[j] = previous[j] - (ptt * previous[t - j]);
            }

            variance *= 1 - (ptt * ptt);
            double mean = 0;
            for (int j = 1; j <= t; j++)
            {
                mean += phi[j] * x[t - j];
            }

            x[t] = mean + (Math.Sqrt(variance) * z[t]);
            Array.Copy(phi, previous, t + 1);
        }

        return x;
    }
}
