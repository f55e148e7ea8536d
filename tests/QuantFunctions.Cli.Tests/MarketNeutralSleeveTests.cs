using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// The shipped market-neutral example end to end through the local runner, on a copy of the demo lake: each sleeve holds
/// a long and a short book, allocates with |wᵀβ| ≤ 0.15, holds SHORT atoms as negative positions, and passes the meta
/// directional sign test book by book (issue 14).
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class MarketNeutralSleeveTests(DemoLake demo)
{
    private const string Run = "mn-1";

    [Fact]
    public async Task MarketNeutralExample_BetaNeutralTwoBooks_SignsAndSignTestHold()
    {
        demo.Demo.AssertExit(0);
        using TempDirectory copy = demo.Copy();
        CliOutcome run = await CliHarness.RunAsync(
            copy.Path, "pipeline", "run", CliHarness.ShippedManifest("manifests/examples/market_neutral/version=1.0.0/manifest.json"), "--run-id", Run, "--as-of", "2024-01-03T00:00:00Z");
        run.AssertExit(ExitCodes.Success);
        var lake = new FileSystemLakeStore(copy.Path);

        foreach (string sleeve in new[] { "crypto_mn", "equity_mn" })
        {
            string root = $"gold/{sleeve}/market_neutral/version=1.0.0";
            JsonObject allocation = await ReadJsonAsync(lake, $"{root}/allocation/run={Run}/allocation.json");
            Assert.True(allocation["success"]!.GetValue<bool>(), $"{sleeve}: {allocation["failure_reason"]} {allocation["fallback_steps"]!.ToJsonString()}");
            JsonObject constraints = allocation["constraints"]!.AsObject();
            Assert.True(constraints["market_neutral"]!.GetValue<bool>());
            Assert.Equal(0.15, constraints["beta_tolerance"]!.GetValue<double>());
            JsonObject betas = constraints["betas"]!.AsObject();

            // |wᵀβ| from the weights table and the recorded betas; the successful step ran at the 0.15 bound (not relaxed).
            LakeTable weights = await LakeTableStore.ReadAsync(lake, LakePath.Parse($"{root}/weights/run={Run}/part-00000.parquet"));
            string[] atoms = weights.Strings("atom"), directions = weights.Strings("direction"), symbols = weights.Strings("symbol");
            double[] w = weights.Doubles("weight");
            double exposure = 0;
            for (int i = 0; i < atoms.Length; i++)
            {
                exposure += w[i] * betas[atoms[i]]!.GetValue<double>();
                Assert.True(w[i] >= -1e-12, $"{atoms[i]}: atom weight {w[i]}");
            }

            Assert.True(Math.Abs(exposure) <= 0.15 + 1e-9, $"{sleeve}: |wᵀβ| = {Math.Abs(exposure)}");
            Assert.Equal(1.0, w.Sum(), 1e-9);
            JsonNode ok = allocation["fallback_steps"]!.AsArray().Single(s => s!["succeeded"]!.GetValue<bool>())!;
            Assert.Equal(0.15, ok["neutrality_tolerance"]!.GetValue<double>(), 1e-12);

            // Two disjoint books: LONG and SHORT atoms, no symbol in both.
            Assert.Contains("LONG", directions);
            Assert.Contains("SHORT", directions);
            Assert.Equal(symbols.Length, symbols.Distinct(StringComparer.Ordinal).Count());

            // Flattening: a SHORT atom's symbol is a non-positive position, a LONG one's non-negative; positions net to Σ sign·w.
            LakeTable positions = await LakeTableStore.ReadAsync(lake, LakePath.Parse($"{root}/positions/run={Run}/part-00000.parquet"));
            var bySymbol = positions.Strings("symbol").Zip(positions.Doubles("weight")).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            for (int i = 0; i < atoms.Length; i++)
            {
                double expected = directions[i] == "SHORT" ? -w[i] : w[i];
                Assert.Equal(expected, bySymbol[symbols[i]], 1e-12);
            }

            // The funnel records both books; the short book vetoes the long winners.
            JsonObject funnel = await ReadJsonAsync(lake, $"{root}/funnel/run={Run}/funnel.json");
            string[] longWinners = [.. funnel["winners"]!.AsArray().Select(x => x!.GetValue<string>())];
            string[] shortWinners = [.. funnel["short_book"]!["winners"]!.AsArray().Select(x => x!.GetValue<string>())];
            Assert.Empty(longWinners.Intersect(shortWinners));
            Assert.Equal(longWinners.Length, funnel["short_book"]!["vetoes"]!["long_book"]!.GetValue<int>());

            // The backtest's windows record the regime known at each decision and the cap in force.
            JsonObject regimes = await ReadJsonAsync(lake, $"{root}/backtest/run={Run}/regimes.json");
            Assert.Equal("filtered", regimes["inference"]!.GetValue<string>());
            Assert.NotEmpty(regimes["windows"]!.AsArray());
        }

        // The meta-portfolio's sign test passed each two-book sleeve (declared LONG_SHORT) and recorded it in the ledger.
        using var ledger = AuditLedger.ForRun(lake, LakeIdentifier.Parse("examples"), RunId.Parse(Run));
        JsonObject sign = (await ledger.ReadAllAsync()).Last(e => e.Kind == "gate.sign_test").Data;
        Assert.True(sign["passed"]!.GetValue<bool>());
        Assert.All(sign["sleeves"]!.AsArray(), s =>
        {
            Assert.Equal("LONG_SHORT", s!["declared"]!.GetValue<string>());
            Assert.True(s["passed"]!.GetValue<bool>());
            Assert.True(s["atoms_checked"]!.GetValue<int>() > 0);
        });
    }

    private static async Task<JsonObject> ReadJsonAsync(FileSystemLakeStore lake, string path)
    {
        LakeObject obj = await lake.TryReadAsync(LakePath.Parse(path)) ?? throw new Xunit.Sdk.XunitException($"{path} is missing");
        return JsonNode.Parse(obj.Content.Span)!.AsObject();
    }
}
