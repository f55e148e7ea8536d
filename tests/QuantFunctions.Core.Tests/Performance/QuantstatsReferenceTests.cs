using System.Globalization;
using System.Text.Json;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Tests.Market;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Performance;

/// <summary>
/// Checks <see cref="PerformanceCalculator"/> (dated, as quantstats reads the series) against refcase <c>quantstats.metrics.qs_seed42</c>
/// (quantstats 0.0.81 output on its seed-42 fixture series, 500 daily returns, periods 252). The case
/// suggests rel 1e-12 for closed-form statistics; VaR/CVaR go through Φ⁻¹ (MathNet vs scipy), checked at rel 1e-10.
/// </summary>
public sealed class QuantstatsReferenceTests
{
    private const string CaseId = "quantstats.metrics.qs_seed42";

    private static (double[] Returns, JsonElement Expected) Load()
    {
        (_, double[] r, JsonElement e) = LoadDated();
        return (r, e);
    }

    private static (DateOnly[] Dates, double[] Returns, JsonElement Expected) LoadDated()
    {
        string[] lines = File.ReadAllLines(SharedData.PathOf("data", "refcases", "data", "qs_seed42_returns.csv"));
        string[][] rows = [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];
        double[] r = [.. rows.Select(row => double.Parse(row[1], CultureInfo.InvariantCulture))];
        DateOnly[] dates = [.. rows.Select(row => DateOnly.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture))];
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("data", "refcases", "cases.json")));
        JsonElement root = doc.RootElement;
        IEnumerable<JsonElement> cases = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.GetProperty("cases").EnumerateArray();
        JsonElement c = cases.Single(x => x.GetProperty("id").GetString() == CaseId);
        return (dates, r, c.GetProperty("expected").Clone());
    }

    [SharedDataFact]
    public void Compute_QuantstatsSeed42_MatchesPeerAtRf0()
    {
        (DateOnly[] dates, double[] r, JsonElement e) = LoadDated();
        Assert.Equal(e.GetProperty("n").GetInt32(), r.Length);
        PerformanceMetrics m = PerformanceCalculator.Compute(r, dates, new PerformanceOptions { PeriodsPerYear = 252 });
        const double Rel = 1e-12;
        Approx.Rel(e.GetProperty("comp").GetDouble(), m.TotalReturn, Rel, "comp");
        Approx.Rel(e.GetProperty("cagr_periods252").GetDouble(), m.Cagr, Rel, "cagr");
        Approx.Rel(e.GetProperty("volatility_ann252").GetDouble(), m.Volatility, Rel, "volatility");
        Approx.Rel(e.GetProperty("sharpe_rf0").GetDouble(), m.Sharpe, Rel, "sharpe");
        Approx.Rel(e.GetProperty("sortino_rf0").GetDouble(), m.Sortino, Rel, "sortino");
        Approx.Rel(e.GetProperty("max_drawdown").GetDouble(), m.MaxDrawdown, Rel, "max drawdown");
        Approx.Rel(e.GetProperty("calmar").GetDouble(), m.Calmar, Rel, "calmar");
        Approx.Rel(e.GetProperty("omega").GetDouble(), m.Omega, Rel, "omega");
        Approx.Rel(e.GetProperty("ulcer_index").GetDouble(), m.UlcerIndex, Rel, "ulcer index");
        Approx.Rel(e.GetProperty("win_rate").GetDouble(), m.WinRate, Rel, "win rate");
        Approx.Rel(e.GetProperty("avg_return").GetDouble(), m.AverageReturn, Rel, "avg return");
        Approx.Rel(e.GetProperty("var_95").GetDouble(), m.ValueAtRisk, 1e-10, "VaR 95");
        Approx.Rel(e.GetProperty("cvar_95").GetDouble(), m.ConditionalValueAtRisk, 1e-10, "CVaR 95");
    }

    [SharedDataFact]
    public void Compute_QuantstatsSeed42_MatchesPeerAtRf2Percent()
    {
        (double[] r, JsonElement e) = Load();
        PerformanceMetrics m = PerformanceCalculator.Compute(r, new PerformanceOptions { PeriodsPerYear = 252, RiskFreeRate = 0.02 });
        Approx.Rel(e.GetProperty("sharpe_rf0.02_periods252").GetDouble(), m.Sharpe, 1e-12, "sharpe rf 2%");
        Approx.Rel(e.GetProperty("sortino_rf0.02_periods252").GetDouble(), m.Sortino, 1e-12, "sortino rf 2%");
    }

    [SharedDataFact]
    public void Drawdowns_QuantstatsSeed42_MatchFirstValuesAndMinimum()
    {
        (double[] r, JsonElement e) = Load();
        double[] dd = new double[r.Length];
        EquityCurve.Drawdowns(r, dd);
        double[] first5 = e.GetProperty("drawdown_series_first5").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        for (int i = 0; i < 5; i++)
        {
            Approx.Abs(first5[i], dd[i], 1e-15, $"drawdown[{i}]");
        }

        Approx.Rel(e.GetProperty("drawdown_series_min").GetDouble(), dd.Min(), 1e-12, "drawdown min");
    }
}
