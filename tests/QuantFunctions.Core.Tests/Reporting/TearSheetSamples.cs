using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;

namespace QuantFunctions.Core.Tests.Reporting;

/// <summary>A deterministic walk-forward backtest (seeded returns, a fixed long/short allocator) with every tear-sheet extra.</summary>
internal static class TearSheetSamples
{
    public static TearSheet Full(int days = 800, int seed = 7)
    {
        (BacktestResult result, double[] benchmark) = Backtest(days, seed);
        TearSheet plain = TearSheet.FromBacktest("Sample sleeve", result, new PerformanceOptions { PeriodsPerYear = 252 }, new BenchmarkSeries("equal-weight universe", benchmark));
        var regime = new List<RegimePoint>(result.Dates.Length);
        for (int t = 0; t < result.Dates.Length; t++)
        {
            regime.Add(new RegimePoint(result.Dates[t], (t / 90) % 2 == 0 ? "bull" : "bear", (t / 60) % 3 == 0 ? "low_vol" : "high_vol"));
        }

        TearSheetInput input = plain.Input with
        {
            Funnel = new SelectionFunnel("v4", "2026-01-02T00:00:00Z", "3.4", [new("universe", 120), new("foundation gate", 64), new("scorer", 30), new("htr", 12)], ["AAA", "BBB", "CCC"]),
            Regime = new RegimeView("hmm", "1.0.0", "2026-01-02T00:00:00Z", "bull", "low_vol", regime),
        };
        return TearSheet.Create(input, plain.Options);
    }

    /// <summary>Six assets with seeded Gaussian-like returns over business days from 2021-01-04; weights by the sign of the trailing mean.</summary>
    public static (BacktestResult Result, double[] Benchmark) Backtest(int days, int seed)
    {
        const int Columns = 6;
        var random = new Random(seed);
        var dates = new DateOnly[days];
        DateOnly d = new(2021, 1, 4);
        for (int t = 0; t < days; t++)
        {
            dates[t] = d;
            d = d.AddDays(d.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }

        double[] values = new double[days * Columns];
        for (int c = 0; c < Columns; c++)
        {
            for (int t = 0; t < days; t++)
            {
                double z = random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5;
                values[(c * days) + t] = (0.0003 * (c - 2)) + (0.02 * z);
            }
        }

        var panel = new ReturnPanel(dates, ["A1", "A2", "A3", "A4", "A5", "A6"], values);
        BacktestResult result = WalkForwardBacktester.Run(panel, Allocate, new WalkForwardOptions { TrainDays = 60, TestDays = 20, StepDays = 20 });
        double[] benchmark = new double[result.Dates.Length];
        for (int t = 0; t < benchmark.Length; t++)
        {
            int row = t + 60;
            double sum = 0;
            for (int c = 0; c < Columns; c++)
            {
                sum += values[(c * days) + row];
            }

            benchmark[t] = sum / Columns;
        }

        return (result, benchmark);
    }

    private static double[] Allocate(ReturnPanel window)
    {
        double[] w = new double[window.ColumnCount];
        for (int c = 0; c < w.Length; c++)
        {
            double sum = 0;
            foreach (double r in window.Column(c))
            {
                sum += r;
            }

            w[c] = (sum >= 0 ? 0.3 : -0.1) * (c + 1) / w.Length;
        }

        return w;
    }
}
