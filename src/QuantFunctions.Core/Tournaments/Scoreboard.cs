using System.Globalization;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Tournaments;

/// <summary>
/// The strict scoreboard: every cell and baseline scored on its out-of-sample record, ranked by net Sharpe (ties by id,
/// ordinal; NaN last), gated by <see cref="ScoreboardGates"/>.
/// </summary>
/// <remarks>
/// Metrics come from <see cref="PerformanceCalculator"/> (net and gross returns, periods per year given). Fragility is
/// the sample standard deviation (N − 1) of the annualised net Sharpe of each window with at least two days and a
/// non-zero spread. Friction decay is gross Sharpe − net Sharpe. Gates, in this order: <c>sharpe</c>
/// (net Sharpe ≥ MinSharpe), <c>drawdown</c> (|max drawdown| ≤ MaxDrawdown), <c>windows</c> (≥ MinWindows),
/// <c>winner_floor</c> (every window ≥ MinWinners names), <c>integrity</c> (every window). A strict candidate passes
/// all of them and has a higher net Sharpe than every baseline.
/// </remarks>
public static class Scoreboard
{
    /// <summary>Scores and ranks the rows.</summary>
    /// <param name="series">The cells and baselines (at least one baseline).</param>
    /// <param name="gates">The gates.</param>
    /// <param name="periodsPerYear">Annualisation.</param>
    public static IReadOnlyList<ScoreboardRow> Rank(IReadOnlyList<CellSeries> series, ScoreboardGates gates, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(gates);
        var options = new PerformanceOptions { PeriodsPerYear = periodsPerYear };
        var scored = new List<ScoreboardRow>(series.Count);
        double bestBaseline = double.NegativeInfinity;
        foreach (CellSeries s in series)
        {
            ScoreboardRow row = Score(s, gates, options);
            scored.Add(row);
            bestBaseline = s.IsBaseline && row.Sharpe > bestBaseline ? row.Sharpe : bestBaseline;
        }

        scored.Sort(static (a, b) =>
        {
            int byNan = double.IsNaN(a.Sharpe).CompareTo(double.IsNaN(b.Sharpe));
            int bySharpe = byNan != 0 || double.IsNaN(a.Sharpe) ? 0 : b.Sharpe.CompareTo(a.Sharpe);
            return byNan != 0 ? byNan : bySharpe != 0 ? bySharpe : string.CompareOrdinal(a.Id, b.Id);
        });
        var ranked = new List<ScoreboardRow>(scored.Count);
        for (int i = 0; i < scored.Count; i++)
        {
            ranked.Add(scored[i] with { Rank = i + 1, BeatsBaselines = scored[i].Sharpe > bestBaseline });
        }

        return ranked;
    }

    /// <summary>The annualised net Sharpe of each window with at least two days and a non-zero spread.</summary>
    public static double[] WindowSharpes(CellSeries series, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(series);
        var sharpes = new List<double>(series.Winners.Length);
        int start = 0;
        for (int d = 1; d <= series.Net.Length; d++)
        {
            if (d == series.Net.Length || series.Window[d] != series.Window[start])
            {
                ReadOnlySpan<double> slice = series.Net.AsSpan(start, d - start);
                double mean = Mean(slice);
                double sd = slice.Length >= 2 ? SeriesStatistics.SampleStd(slice, mean) : 0;
                if (sd > 0)
                {
                    sharpes.Add(mean / sd * Math.Sqrt(periodsPerYear));
                }

                start = d;
            }
        }

        return [.. sharpes];
    }

    private static ScoreboardRow Score(CellSeries s, ScoreboardGates gates, PerformanceOptions options)
    {
        PerformanceMetrics net = PerformanceCalculator.Compute(s.Net, options, s.Turnover);
        PerformanceMetrics gross = PerformanceCalculator.Compute(s.Gross, options);
        double[] windowSharpes = WindowSharpes(s, options.PeriodsPerYear);
        double fragility = windowSharpes.Length >= 2 ? SeriesStatistics.SampleStd(windowSharpes, Mean(windowSharpes)) : double.NaN;
        int minWinners = int.MaxValue;
        bool integrity = true;
        for (int k = 0; k < s.Winners.Length; k++)
        {
            minWinners = Math.Min(minWinners, s.Winners[k]);
            integrity &= s.Integrity[k];
        }

        minWinners = s.Winners.Length == 0 ? 0 : minWinners;
        var failed = new List<string>();
        if (!s.IsBaseline)
        {
            AddIf(failed, !(net.Sharpe >= gates.MinSharpe), "sharpe");
            AddIf(failed, !(Math.Abs(net.MaxDrawdown) <= gates.MaxDrawdown), "drawdown");
            AddIf(failed, s.Winners.Length < gates.MinWindows, "windows");
            AddIf(failed, minWinners < gates.MinWinners, "winner_floor");
            AddIf(failed, gates.RequireIntegrity && !integrity, "integrity");
        }

        return new ScoreboardRow
        {
            Rank = 0,
            Id = s.Id,
            IsBaseline = s.IsBaseline,
            Sharpe = net.Sharpe,
            GrossSharpe = gross.Sharpe,
            FrictionDecay = gross.Sharpe - net.Sharpe,
            Cagr = net.Cagr,
            Volatility = net.Volatility,
            Sortino = net.Sortino,
            MaxDrawdown = net.MaxDrawdown,
            AnnualTurnover = net.AnnualTurnover,
            Windows = s.Winners.Length,
            Fragility = fragility,
            MinWinners = minWinners,
            DirectionalIntegrity = integrity,
            FailedGates = failed,
            BeatsBaselines = false,
        };
    }

    /// <summary>The verdict line: the strict candidates, or plainly that none beat the baselines.</summary>
    public static string Verdict(IReadOnlyList<ScoreboardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var strict = new List<string>();
        foreach (ScoreboardRow row in rows)
        {
            if (row.IsStrictCandidate)
            {
                strict.Add(row.Id);
            }
        }

        return strict.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{strict.Count} strict candidate(s): {string.Join(", ", strict)}.")
            : "No strict candidate: no cell passed every gate and beat the baselines.";
    }

    private static void AddIf(List<string> failed, bool condition, string gate)
    {
        if (condition)
        {
            failed.Add(gate);
        }
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return values.Length == 0 ? double.NaN : sum / values.Length;
    }
}
