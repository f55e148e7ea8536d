using System.Text.Json.Nodes;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// <c>quant demo</c> end to end on a fresh lake: the medallion tree it writes, the report's metrics recomputed
/// here from the stored equity curve (formulas of docs/backtest.md, not PerformanceCalculator), the audit
/// ledger (intact and tampered) and the orders against the sleeves' positions and the last bronze close.
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class DemoEndToEndTests(DemoLake demo)
{
    private const string Run = "run=demo-meta";
    private static readonly string[] Sleeves = ["crypto_long", "crypto_short", "equity_long", "equity_short"];

    // The synthetic market spans 2022-01-03 … 2024-01-02 (manifests/demo/dataops: start, calendar_days 730).
    private static readonly int[] Years = [2022, 2023, 2024];

    [Fact]
    public void Demo_FreshLake_SucceedsAndPrintsTheMetaPortfolio()
    {
        demo.Demo.AssertExit(0);
        Assert.Contains("meta-portfolio: CAGR", demo.Demo.Output, StringComparison.Ordinal);
        Assert.Contains("gold/meta/meta/version=1.0.0/orders/run=demo-meta/orders.json", demo.Demo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_FreshLake_WritesRawBronzeSilverGoldAndRunMetadata()
    {
        var expected = new List<string>();
        foreach (string market in (string[])["binance", "xnys"])
        {
            expected.Add($"raw/{market}/synthetic/ingest_date=2024-01-02/seed42.csv");
            foreach (int year in Years)
            {
                expected.Add($"bronze/{market}/spot/ohlcv/schema=v1/interval=1d/year={year}/part-seed42.parquet");
            }
        }

        foreach (string universe in (string[])["crypto_spot", "us_equity"])
        {
            foreach (int year in Years)
            {
                expected.Add($"silver/{universe}/dataops/version=1.0.0/returns/year={year}/part-00000.parquet");
            }
        }

        foreach (string sleeve in Sleeves)
        {
            string gold = $"gold/{sleeve}/meta/version=1.0.0";
            foreach (string dataset in (string[])["selection", "streams", "weights", "positions", "backtest", "backtest_weights"])
            {
                expected.Add($"{gold}/{dataset}/{Run}/part-00000.parquet");
            }

            expected.AddRange([$"{gold}/spec/{Run}/sleeve.json", $"{gold}/allocation/{Run}/allocation.json",
                $"{gold}/report/{Run}/metrics.json", $"{gold}/report/{Run}/tearsheet.md", $"{gold}/report/{Run}/tearsheet.html"]);
        }

        const string Meta = "gold/meta/meta/version=1.0.0";
        expected.AddRange([$"{Meta}/backtest/{Run}/part-00000.parquet", $"{Meta}/backtest_weights/{Run}/part-00000.parquet", $"{Meta}/sleeve_weights/{Run}/part-00000.parquet",
            $"{Meta}/orders/{Run}/part-00000.parquet", $"{Meta}/orders/{Run}/orders.json",
            $"{Meta}/report/{Run}/metrics.json", $"{Meta}/report/{Run}/tearsheet.html", $"{Meta}/report/{Run}/tearsheet.md"]);
        foreach (string pipeline in (string[])["dataops", "meta"])
        {
            expected.Add($"_meta/pipelines/demo/{pipeline}/version=1.0.0/manifest.json");
            foreach (string file in (string[])["run.json", "audit.jsonl", "forensic_trace.json"])
            {
                expected.Add($"_meta/demo/runs/demo-{pipeline}/{file}");
            }
        }

        expected.AddRange(["_meta/demo/runs/demo-dataops/stages/dataops.synthetic_market/stage.json",
            "_meta/demo/runs/demo-meta/stages/meta.aggregate/stage.json", "_meta/demo/runs/demo-meta/stages/report.meta/stage.json",
            "_meta/demo/runs/demo-meta/stages/meta.orders/stage.json"]);
        foreach (string sleeve in Sleeves)
        {
            foreach (string node in (string[])["alpha.select", "alpha.synthesize", "alpha.allocate", "alpha.flatten", "validate.backtest", "report.sleeve"])
            {
                expected.Add($"_meta/demo/runs/demo-meta/stages/{node}@{sleeve}/stage.json");
            }
        }

        string[] missing = [.. expected.Where(p => !File.Exists(demo.PathOf(p)))];
        Assert.True(missing.Length == 0, "missing from the lake:\n" + string.Join("\n", missing));
        Assert.StartsWith("symbol,date,open,high,low,close,volume", File.ReadAllText(demo.PathOf("raw/xnys/synthetic/ingest_date=2024-01-02/seed42.csv")), StringComparison.Ordinal);
        foreach (string pipeline in (string[])["dataops", "meta"])
        {
            JsonNode run = JsonNode.Parse(File.ReadAllText(demo.PathOf($"_meta/demo/runs/demo-{pipeline}/run.json")))!;
            Assert.Equal("succeeded", run["status"]!.GetValue<string>());
            Assert.All(run["nodes"]!.AsArray(), n => Assert.Equal("succeeded", n!["status"]!.GetValue<string>()));
        }
    }

    /// <summary>
    /// Recomputes the tear sheet's metrics from the stored backtest with docs/backtest.md's formulas:
    /// rₜ = Eₜ/Eₜ₋₁ − 1 (E₀ = 1), CAGR = E_N^(P/N) − 1, vol = σ(r)·√P (sample σ), Sharpe = mean(r)/σ(r)·√P (rf = 0),
    /// Sortino = mean(r)/√(Σ min(r, 0)²/N)·√P, MDD = min Eₜ/max(1, max_{s≤t} E_s) − 1, Calmar = CAGR/|MDD|.
    /// Tolerance 1e-9 absolute: the only differences are floating-point summation order.
    /// </summary>
    [Theory]
    [InlineData("meta", 252)]
    [InlineData("crypto_long", 365)]
    [InlineData("crypto_short", 365)]
    [InlineData("equity_long", 252)]
    [InlineData("equity_short", 252)]
    public async Task ReportMetrics_RecomputedFromStoredEquityCurve_MatchMetricsJson(string sleeve, int periodsPerYear)
    {
        var lake = new FileSystemLakeStore(demo.Root);
        LakeTable backtest = await LakeTableStore.ReadAsync(lake, LakePath.Parse($"gold/{sleeve}/meta/version=1.0.0/backtest/{Run}/part-00000.parquet"));
        double[] equity = backtest.Doubles("equity");
        double[] net = backtest.Doubles("net_ret");
        int n = equity.Length;
        Assert.True(n > 100, $"{sleeve}: only {n} out-of-sample rows");

        double[] r = new double[n];
        double previous = 1.0, peak = 1.0, maxDrawdown = 0.0;
        for (int t = 0; t < n; t++)
        {
            r[t] = (equity[t] / previous) - 1.0;
            Assert.Equal(net[t], r[t], 1e-12); // the equity curve compounds the stored net returns
            previous = equity[t];
            peak = Math.Max(peak, equity[t]);
            maxDrawdown = Math.Min(maxDrawdown, (equity[t] / peak) - 1.0);
        }

        double mean = r.Average();
        double variance = r.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        double downside = Math.Sqrt(r.Sum(x => Math.Min(x, 0.0) * Math.Min(x, 0.0)) / n);
        double cagr = Math.Pow(equity[^1], (double)periodsPerYear / n) - 1.0;
        double annualiser = Math.Sqrt(periodsPerYear);

        JsonNode metrics = JsonNode.Parse(File.ReadAllText(demo.PathOf($"gold/{sleeve}/meta/version=1.0.0/report/{Run}/metrics.json")))!;
        Assert.Equal(n, metrics["observations"]!.GetValue<int>());
        Assert.Equal(equity[^1] - 1.0, metrics["total_return"]!.GetValue<double>(), 1e-9);
        Assert.Equal(cagr, metrics["cagr"]!.GetValue<double>(), 1e-9);
        Assert.Equal(Math.Sqrt(variance) * annualiser, metrics["volatility"]!.GetValue<double>(), 1e-9);
        Assert.Equal(mean / Math.Sqrt(variance) * annualiser, metrics["sharpe"]!.GetValue<double>(), 1e-9);
        Assert.Equal(mean / downside * annualiser, metrics["sortino"]!.GetValue<double>(), 1e-9);
        Assert.Equal(maxDrawdown, metrics["max_drawdown"]!.GetValue<double>(), 1e-9);
        Assert.Equal(cagr / Math.Abs(maxDrawdown), metrics["calmar"]!.GetValue<double>(), 1e-9);
    }

    [Fact]
    public async Task LedgerVerify_DemoRun_ExitsZero()
    {
        CliOutcome verify = await CliHarness.RunAsync(demo.Root, "ledger", "verify", "demo-meta");

        verify.AssertExit(0);
        Assert.Contains("ledger intact", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LedgerVerify_TamperedLine_ExitsOneNamingTheEntry()
    {
        using TempDirectory copy = demo.Copy();
        string ledger = Path.Combine(copy.Path, "_meta", "demo", "runs", "demo-meta", "audit.jsonl");
        string[] lines = File.ReadAllText(ledger).TrimEnd('\n').Split('\n');
        JsonNode entry = JsonNode.Parse(lines[3])!;
        Assert.Equal(3, entry["seq"]!.GetValue<int>());
        entry["data"]!["tampered"] = true; // a valid line whose hash no longer matches its content
        lines[3] = entry.ToJsonString();
        File.WriteAllText(ledger, string.Join('\n', lines) + "\n");

        CliOutcome verify = await CliHarness.RunAsync(copy.Path, "ledger", "verify", "demo-meta");

        verify.AssertExit(1);
        Assert.Contains("ledger broken", verify.Output, StringComparison.Ordinal);
        Assert.Contains("entry seq 3 (line 4)", verify.Output, StringComparison.Ordinal);
        Assert.Contains("HashMismatch", verify.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Target weight of a symbol = Σ over sleeves of (meta weight of the sleeve × the sleeve's net position);
    /// recomputed here from gold sleeve_weights and positions (tolerance 1e-12: same sums, same order).
    /// </summary>
    [Fact]
    public async Task Orders_TargetWeights_EqualSleeveWeightTimesSleevePositions()
    {
        var lake = new FileSystemLakeStore(demo.Root);
        LakeTable sleeveWeights = await LakeTableStore.ReadAsync(lake, LakePath.Parse($"gold/meta/meta/version=1.0.0/sleeve_weights/{Run}/part-00000.parquet"));
        string[] sleeves = sleeveWeights.Strings("sleeve");
        double[] w = sleeveWeights.Doubles("weight");
        Assert.Equal(Sleeves.Order(StringComparer.Ordinal), sleeves.Order(StringComparer.Ordinal));
        Assert.Equal(1.0, w.Sum(), 1e-12); // inverse-vol weights are fully invested across sleeves

        var expected = new SortedDictionary<string, double>(StringComparer.Ordinal);
        double expectedTotal = 0;
        for (int s = 0; s < sleeves.Length; s++)
        {
            LakeTable positions = await LakeTableStore.ReadAsync(lake, LakePath.Parse($"gold/{sleeves[s]}/meta/version=1.0.0/positions/{Run}/part-00000.parquet"));
            string[] symbols = positions.Strings("symbol");
            double[] weight = positions.Doubles("weight");
            for (int i = 0; i < symbols.Length; i++)
            {
                expected[symbols[i]] = expected.GetValueOrDefault(symbols[i]) + (w[s] * weight[i]);
                expectedTotal += w[s] * weight[i];
            }
        }

        JsonNode document = JsonNode.Parse(File.ReadAllText(demo.PathOf($"gold/meta/meta/version=1.0.0/orders/{Run}/orders.json")))!;
        double capital = document["capital"]!.GetValue<double>();
        Assert.Equal("flat", document["positions_source"]!.GetValue<string>());
        LakeTable trail = await LakeTableStore.ReadAsync(lake, LakePath.Parse($"gold/meta/meta/version=1.0.0/orders/{Run}/part-00000.parquet"));
        string[] trailSymbols = trail.Strings("symbol");
        double[] prices = trail.Doubles("price");
        var priceOf = trailSymbols.Select((sym, i) => (sym, i)).ToDictionary(x => x.sym, x => prices[x.i], StringComparer.Ordinal);
        Assert.Equal(expected.Keys, trailSymbols);
        JsonArray orders = document["orders"]!.AsArray();
        double orderTotal = 0;
        bool buying = false;
        foreach (JsonNode? order in orders)
        {
            string symbol = order!["symbol"]!.GetValue<string>();
            double target = order["target_weight"]!.GetValue<double>();
            Assert.True(expected.ContainsKey(symbol), $"order for {symbol}, which no sleeve holds");
            Assert.Equal(expected[symbol], target, 1e-12);
            string side = order["side"]!.GetValue<string>();
            Assert.Equal(target > 0 ? "buy" : "sell", side);
            buying |= side == "buy";
            Assert.False(buying && side == "sell", "a sell after a buy: sells go first");

            // From a flat book the order is the whole target: within one lot (1 share on XNYS, 0.0001 on BINANCE) of weight × capital / price.
            double lot = symbol.StartsWith("BINANCE:", StringComparison.Ordinal) ? 0.0001 : 1;
            double units = Math.Abs(target) * capital / priceOf[symbol];
            Assert.True(Math.Abs(order["quantity"]!.GetValue<double>() - units) <= lot, $"{symbol}: {order["quantity"]} units vs target {units}");
            orderTotal += target;
        }

        // Every symbol without an order is in 'skipped' with its reason.
        JsonArray skipped = document["skipped"]!.AsArray();
        Assert.Equal(expected.Count, orders.Count + skipped.Count);
        double skippedTotal = skipped.Sum(s => expected[s!["symbol"]!.GetValue<string>()]);
        Assert.Equal(expectedTotal, orderTotal + skippedTotal, 1e-12);
    }
}
