using System.Numerics.Tensors;

namespace QuantFunctions.Core.Reporting;

/// <summary>
/// Rolling statistics over a trailing window of <c>w</c> periods, as quantstats' rolling charts compute them
/// (rf = 0, <c>P</c> periods per year): volatility <c>σ·√P</c> (sample σ, N − 1); Sharpe <c>mean/σ·√P</c>;
/// Sortino <c>mean/√(Σ min(r,0)²/w)·√P</c>; beta <c>cov(r, b)/var(b)</c> (sample). Element <c>k</c> covers
/// periods <c>k … k + w − 1</c>; a zero denominator gives NaN.
/// </summary>
internal static class RollingStatistics
{
    public static double[] Volatility(ReadOnlySpan<double> returns, int window, double periodsPerYear)
    {
        double[] result = new double[Count(returns.Length, window)];
        double sqrtP = Math.Sqrt(periodsPerYear);
        for (int k = 0; k < result.Length; k++)
        {
            result[k] = Std(returns.Slice(k, window)) * sqrtP;
        }

        return result;
    }

    public static double[] Sharpe(ReadOnlySpan<double> returns, int window, double periodsPerYear)
    {
        double[] result = new double[Count(returns.Length, window)];
        double sqrtP = Math.Sqrt(periodsPerYear);
        for (int k = 0; k < result.Length; k++)
        {
            ReadOnlySpan<double> w = returns.Slice(k, window);
            result[k] = Ratio(TensorPrimitives.Sum(w) / window, Std(w)) * sqrtP;
        }

        return result;
    }

    public static double[] Sortino(ReadOnlySpan<double> returns, int window, double periodsPerYear)
    {
        double[] result = new double[Count(returns.Length, window)];
        double sqrtP = Math.Sqrt(periodsPerYear);
        for (int k = 0; k < result.Length; k++)
        {
            ReadOnlySpan<double> w = returns.Slice(k, window);
            double downside = 0;
            foreach (double r in w)
            {
                downside += r < 0 ? r * r : 0;
            }

            result[k] = Ratio(TensorPrimitives.Sum(w) / window, Math.Sqrt(downside / window)) * sqrtP;
        }

        return result;
    }

    public static double[] Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, int window)
    {
        double[] result = new double[Count(returns.Length, window)];
        for (int k = 0; k < result.Length; k++)
        {
            ReadOnlySpan<double> r = returns.Slice(k, window), b = benchmark.Slice(k, window);
            double mr = TensorPrimitives.Sum(r) / window, mb = TensorPrimitives.Sum(b) / window, cov = 0, var = 0;
            for (int i = 0; i < window; i++)
            {
                double db = b[i] - mb;
                cov += (r[i] - mr) * db;
                var += db * db;
            }

            result[k] = Ratio(cov, var);
        }

        return result;
    }

    private static int Count(int length, int window) => Math.Max(0, length - window + 1);

    private static double Std(ReadOnlySpan<double> w)
    {
        double mean = TensorPrimitives.Sum(w) / w.Length, ss = 0;
        foreach (double v in w)
        {
            ss += (v - mean) * (v - mean);
        }

        return Math.Sqrt(ss / (w.Length - 1));
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
