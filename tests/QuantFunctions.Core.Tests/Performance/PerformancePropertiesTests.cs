using System.Text.Json;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Performance;

/// <summary>Invariants of the metric set on seeded random series (seed stated per test).</summary>
public sealed class PerformancePropertiesTests
{
    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static double[] Series(int seed, int n)
    {
        var random = new Random(seed);
        double[] r = new double[n];
        for (int i = 0; i < n; i++)
        {
            r[i] = (random.NextDouble() - 0.48) * 0.04;
        }

        return r;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Compute_ScaledSeries_SharpeSortinoAndRatiosAreScaleInvariant(int seed)
    {
        // At rf = 0, scaling every return by k > 0 scales mean, σ and downside deviation alike.
        double[] r = Series(seed, 300);
        double[] scaled = [.. r.Select(x => x * 0.5)];
        PerformanceMetrics a = PerformanceCalculator.Compute(r, new PerformanceOptions());
        PerformanceMetrics b = PerformanceCalculator.Compute(scaled, new PerformanceOptions());
        Approx.Rel(a.Sharpe, b.Sharpe, 1e-12, "sharpe");
        Approx.Rel(a.SmartSharpe, b.SmartSharpe, 1e-12, "smart sharpe");
        Approx.Rel(a.Sortino, b.Sortino, 1e-12, "sortino");
        Approx.Rel(a.PayoffRatio, b.PayoffRatio, 1e-12, "payoff");
        Approx.Rel(a.ProfitFactor, b.ProfitFactor, 1e-12, "profit factor");
        Approx.Rel(a.TailRatio, b.TailRatio, 1e-12, "tail ratio");
        Approx.Rel(a.Skew, b.Skew, 1e-10, "skew");
        Approx.Rel(a.Kurtosis, b.Kurtosis, 1e-10, "kurtosis");
        Assert.Equal(a.WinRate, b.WinRate);
    }

    [Fact]
    public void Compute_Seed7_OrderingsHold()
    {
        double[] r = Series(7, 500);
        var dates = new DateOnly[r.Length];
        for (int i = 0; i < dates.Length; i++)
        {
            dates[i] = new DateOnly(2020, 1, 1).AddDays(i);
        }

        PerformanceMetrics m = PerformanceCalculator.Compute(r, dates, new PerformanceOptions(), Series(8, 500));
        Assert.True(m.ConditionalValueAtRisk <= m.ValueAtRisk);
        Assert.True(m.MaxDrawdown <= m.AverageDrawdown && m.AverageDrawdown <= 0);
        Assert.True(m.LongestDrawdownDays >= m.AverageDrawdownDays);
        Assert.InRange(m.RSquared, 0, 1);
        Assert.True(m.MaxDrawdownStart <= m.MaxDrawdownDate && m.MaxDrawdownDate <= m.MaxDrawdownEnd);
        Approx.Rel(m.Sortino / Math.Sqrt(2), m.AdjustedSortino, 1e-15, "adjusted sortino");
    }

    [Fact]
    public void Rows_EveryKeyIsTheSnakeCaseJsonNameOfItsProperty()
    {
        double[] r = Series(11, 60);
        var dates = new DateOnly[r.Length];
        for (int i = 0; i < dates.Length; i++)
        {
            dates[i] = new DateOnly(2021, 1, 1).AddDays(i);
        }

        PerformanceMetrics m = PerformanceCalculator.Compute(r, dates, new PerformanceOptions(), Series(12, 60), Series(13, 60));
        using JsonDocument json = JsonDocument.Parse(JsonSerializer.Serialize(m, SnakeCase));
        IReadOnlyList<MetricRow> rows = m.Rows();
        Assert.Equal(rows.Count, rows.Select(row => row.Key).Distinct().Count());
        foreach (MetricRow row in rows)
        {
            Assert.True(json.RootElement.TryGetProperty(row.Key, out JsonElement value), $"row {row.Key} has no JSON property");
            if (row.Format != MetricFormat.Date && value.ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(value.GetDouble(), row.Value);
            }
        }
    }
}
