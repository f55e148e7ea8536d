using System.Numerics.Tensors;
using MathNet.Numerics.Distributions;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Performance;

/// <summary>Tear-sheet statistics of a periodic simple-return series.</summary>
/// <remarks>
/// With <c>N</c> returns, <c>P</c> periods per year, per-period risk-free <c>r_f = (1 + rf)^(1/P) − 1</c>,
/// excess <c>x = r − r_f</c>, sample standard deviation <c>σ</c> (N − 1):
/// <list type="bullet">
/// <item>total <c>Π(1 + r) − 1</c>; CAGR <c>(1 + total)^(P/N) − 1</c> (years = N/P, not calendar days);</item>
/// <item>volatility <c>σ(r)·√P</c>; Sharpe <c>mean(x)/σ(x)·√P</c>; Sortino <c>mean(x)/√(Σ min(x,0)²/N)·√P</c>;</item>
/// <item>max drawdown <c>min DDₜ</c> (<see cref="EquityCurve.Drawdowns"/>, starting equity 1 as first peak); Calmar <c>CAGR/|MDD|</c>;</item>
/// <item>VaR (parametric) <c>μ + σ·Φ⁻¹(1 − confidence)</c>; CVaR = mean of the returns below VaR (VaR itself when none);</item>
/// <item>omega <c>Σ max(r, 0) / −Σ min(r, 0)</c>; ulcer index <c>√(Σ DDₜ² / (N − 1))</c>;</item>
/// <item>win rate: positive returns / non-zero returns; annual turnover <c>Σ τ / (N/P)</c>.</item>
/// </list>
/// These match quantstats 0.0.81 (<c>stats.py</c>: sharpe, sortino, volatility, cagr, calmar, max_drawdown,
/// value_at_risk, conditional_value_at_risk, omega, ulcer_index) except that NaN returns are an error here
/// (quantstats fills them with 0) and the ulcer index's drawdowns also use the starting equity as a peak.
/// A ratio whose denominator is zero is NaN.
/// </remarks>
public static class PerformanceCalculator
{
    /// <summary>Computes the statistics.</summary>
    /// <param name="returns">Periodic simple returns, finite, at least two.</param>
    /// <param name="options">Periods per year, risk-free rate, VaR confidence.</param>
    /// <param name="turnover">Optional turnover per period (same length), for <see cref="PerformanceMetrics.AnnualTurnover"/>.</param>
    /// <returns>The metrics.</returns>
    /// <exception cref="DomainValidationException">Fewer than two returns, a non-finite return, or invalid options.</exception>
    public static PerformanceMetrics Compute(ReadOnlySpan<double> returns, PerformanceOptions options, ReadOnlySpan<double> turnover = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = returns.Length;
        if (n < 2)
        {
            throw new DomainValidationException(ErrorCodes.InsufficientData, $"Performance: {n} returns; at least 2 are needed.");
        }

        Guard.AllFinite(returns, "performance returns");
        double p = options.PeriodsPerYear, sqrtP = Math.Sqrt(p);
        double rf = Math.Pow(1.0 + options.RiskFreeRate, 1.0 / p) - 1.0;
        double mean = TensorPrimitives.Sum(returns) / n;
        double sd = SampleStd(returns, mean);
        double growth = 1.0, downside = 0, gains = 0, losses = 0;
        int positive = 0, nonZero = 0;
        foreach (double r in returns)
        {
            growth *= 1.0 + r;
            double x = r - rf;
            downside += x < 0 ? x * x : 0;
            gains += r > 0 ? r : 0;
            losses -= r < 0 ? r : 0;
            positive += r > 0 ? 1 : 0;
            nonZero += r != 0 ? 1 : 0;
        }

        double[] dd = new double[n];
        EquityCurve.Drawdowns(returns, dd);
        double mdd = TensorPrimitives.Min(dd);
        double total = growth - 1.0;
        double cagr = Math.Pow(growth, p / n) - 1.0;
        double excessMean = mean - rf;
        double var = mean + (sd * Normal.InvCDF(0, 1, 1.0 - options.VarConfidence));
        double tailSum = 0;
        int tail = 0;
        foreach (double r in returns)
        {
            if (r < var)
            {
                tailSum += r;
                tail++;
            }
        }

        double annualTurnover = double.NaN;
        if (!turnover.IsEmpty)
        {
            Guard.SameLength(n, turnover.Length, "performance", "turnover");
            annualTurnover = TensorPrimitives.Sum(turnover) / (n / p);
        }

        return new PerformanceMetrics
        {
            Observations = n,
            TotalReturn = total,
            Cagr = cagr,
            Volatility = sd * sqrtP,
            Sharpe = Ratio(excessMean, sd) * sqrtP,
            Sortino = Ratio(excessMean, Math.Sqrt(downside / n)) * sqrtP,
            MaxDrawdown = mdd,
            Calmar = Ratio(cagr, Math.Abs(mdd)),
            ValueAtRisk = var,
            ConditionalValueAtRisk = tail > 0 ? tailSum / tail : var,
            Omega = Ratio(gains, losses),
            UlcerIndex = Math.Sqrt(TensorPrimitives.SumOfSquares(dd) / (n - 1)),
            WinRate = nonZero > 0 ? (double)positive / nonZero : double.NaN,
            AnnualTurnover = annualTurnover,
        };
    }

    /// <summary>Sample standard deviation (N − 1) around a given mean.</summary>
    /// <param name="values">The values (at least two).</param>
    /// <param name="mean">Their mean.</param>
    /// <returns>The standard deviation.</returns>
    internal static double SampleStd(ReadOnlySpan<double> values, double mean)
    {
        double ss = 0;
        foreach (double v in values)
        {
            double d = v - mean;
            ss += d * d;
        }

        return Math.Sqrt(ss / (values.Length - 1));
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;
}
