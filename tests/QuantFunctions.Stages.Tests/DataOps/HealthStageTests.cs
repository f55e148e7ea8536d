using QuantFunctions.Core.DataQuality;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary><c>dataops.health</c>: the registry and summary it writes, the audit counts, strict mode, and returns excluding DROPPED symbols.</summary>
public sealed class HealthStageTests(HealthFeaturesLake market) : IClassFixture<HealthFeaturesLake>
{
    private const string Pipeline = "dataops";
    private const string Version = "1.0.0";

    public static TheoryData<string, string> Universes => new() { { "crypto_spot", "binance" }, { "us_equity", "xnys" } };

    [Fact]
    public void DataOpsRun_WithHealthAndFeatures_Succeeds()
    {
        Assert.Equal(RunStatus.Succeeded, market.Run.Status);
        Assert.All(market.Run.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
    }

    /// <summary>
    /// Recomputes toxicity by hand from bronze: a bar is toxic when |close/previous close − 1| &gt; 5. The generator injects
    /// one ×7 close per market (+600%), so each universe has at least one such symbol; each must be DROPPED with a
    /// Toxicity reason stamped with the toxic bar's date, and no other symbol may carry a Toxicity reason.
    /// </summary>
    [Theory]
    [MemberData(nameof(Universes))]
    public async Task Registry_ToxicPrint_DroppedWithTimestampedReason(string universe, string marketId)
    {
        IReadOnlyList<BarSeries> bars = await BronzeAsync(marketId);
        var toxic = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        foreach (BarSeries s in bars)
        {
            for (int i = 1; i < s.Count; i++)
            {
                if (Math.Abs((s.Close[i] / s.Close[i - 1]) - 1.0) > 5.0)
                {
                    (toxic.TryGetValue(s.Symbol.Value, out List<DateOnly>? days) ? days : toxic[s.Symbol.Value] = []).Add(s.Dates[i]);
                }
            }
        }

        Assert.NotEmpty(toxic);
        HealthRegistry registry = await RegistryAsync(universe);
        Assert.Equal(bars.Count, registry.Results.Count);
        foreach (SymbolHealth health in registry.Results)
        {
            var stamped = new List<DateOnly>();
            foreach (HealthReason reason in health.Reasons)
            {
                if (reason.Rule == HealthRule.Toxicity)
                {
                    Assert.Equal(HealthStatus.Dropped, reason.Severity);
                    stamped.Add(DateOnly.FromDateTime(reason.Timestamp!.Value.UtcDateTime));
                }
            }

            Assert.Equal(toxic.GetValueOrDefault(health.Symbol) ?? [], stamped);
            if (toxic.ContainsKey(health.Symbol))
            {
                Assert.Equal(HealthStatus.Dropped, health.Status);
            }
        }
    }

    /// <summary>The registry holds exactly what <see cref="HealthAuditor"/> reports on the same bars, calendar and as-of (row per reason, HEALTHY rows without a rule).</summary>
    [Theory]
    [MemberData(nameof(Universes))]
    public async Task Registry_RoundTrip_EqualsAuditorOnBronze(string universe, string marketId)
    {
        IReadOnlyList<BarSeries> bars = await BronzeAsync(marketId);
        bool crypto = marketId == "binance";
        var symbols = bars.Select(s => s.Take(s.Count)).ToList();
        DateOnly first = bars.Min(s => s.Dates[0]), last = bars.Max(s => s.Dates[^1]);
        DateOnly[] sessions = Core.Calendars.ExchangeCalendars.Resolve(crypto ? "XCRY" : "XNYS").Sessions(first, last);
        var auditor = new HealthAuditor(new HealthOptions { LookbackDays = 150, KnownAt = new() { CloseOffset = TimeSpan.FromHours(crypto ? 24 : 21) } });
        IReadOnlyList<SymbolHealth> expected = auditor.AuditMany(symbols, crypto ? AssetClass.Crypto : AssetClass.Equity, sessions, HealthFeaturesLake.AsOf);

        HealthRegistry registry = await RegistryAsync(universe);

        Assert.Equal(HealthFeaturesLake.RunId, registry.RunId);
        Assert.Equal(HealthFeaturesLake.AsOf, registry.AsOf);
        Assert.Equal(expected.Count, registry.Results.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Symbol, registry.Results[i].Symbol);
            Assert.Equal(expected[i].Status, registry.Results[i].Status);
            Assert.Equal(expected[i].Reasons, registry.Results[i].Reasons);
        }

        LakeObject? summary = await market.Host.Lake.TryReadAsync(registry.Path.Parent.Append(HealthRegistryTable.SummaryFile));
        Assert.Equal(HealthSummaryRenderer.Render(expected, $"Data health — {universe} ({marketId}, {(crypto ? "XCRY" : "XNYS")}) as of 2023-07-21 00:00 UTC"), System.Text.Encoding.UTF8.GetString(summary!.Content.Span));
    }

    /// <summary>The ledger's <c>dataops.health</c> entry counts every status; the returns entry lists the DROPPED symbols it excluded, and silver returns have no row for them.</summary>
    [Theory]
    [MemberData(nameof(Universes))]
    public async Task Returns_DroppedSymbols_ExcludedCountedAndRecorded(string universe, string marketId)
    {
        _ = marketId;
        HealthRegistry registry = await RegistryAsync(universe);
        string[] dropped = registry.Results.Where(h => h.Status == HealthStatus.Dropped).Select(h => h.Symbol).ToArray();
        Assert.NotEmpty(dropped);
        IReadOnlyList<AuditEntry> ledger = await market.Host.ReadLedgerAsync("demo", HealthFeaturesLake.RunId);
        AuditEntry health = Assert.Single(ledger, e => e.Kind == "dataops.health" && (string?)e.Data["universe"] == universe);
        Assert.Equal(dropped.Length, (int)health.Data["dropped"]!);
        Assert.Equal(registry.Results.Count(h => h.Status == HealthStatus.Healthy), (int)health.Data["healthy"]!);
        Assert.Equal(registry.Results.Count(h => h.Status == HealthStatus.Degraded), (int)health.Data["degraded"]!);
        Assert.Equal(dropped, health.Data["dropped_symbols"]!.AsArray().Select(n => (string)n!).ToArray());

        AuditEntry returns = Assert.Single(ledger, e => e.Kind == "dataops.returns" && (string?)e.Data["universe"] == universe);
        Assert.Equal(dropped, returns.Data["excluded_dropped"]!.AsArray().Select(n => (string)n!).ToArray());
        (LakeTable silver, _) = await LakeTableStore.ReadDatasetAsync(market.Host.Lake, StageDatasets.SilverReturns(universe, Pipeline, Version));
        Assert.DoesNotContain(silver.Strings("symbol"), dropped.Contains);
    }

    [Fact]
    public async Task StrictMode_DroppedSymbol_FailsNodeAfterWritingTheRegistry()
    {
        using DagTestHost host = HealthFeaturesLake.NewHost();

        RunRecord run = await host.RunAsync(HealthFeaturesLake.Manifest(strict: true), runId: "strict-1", asOf: HealthFeaturesLake.AsOf);

        Assert.Equal(RunStatus.Failed, run.Status);
        // Both universes hold a toxic print, so both health nodes fail; returns and features never run.
        NodeState failed = run.Nodes.First(n => n.Status == NodeStatus.Failed);
        Assert.StartsWith("dataops.health", failed.Node.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(run.Nodes, n => n.Status == NodeStatus.Succeeded && !n.Node.ToString().StartsWith("dataops.synthetic_market", StringComparison.Ordinal));
        Assert.Equal(typeof(HealthCheckException).FullName, failed.Error!.Type);
        Assert.Equal(ErrorCodes.HealthCheckFailed.Value, failed.Error.Code);
        Assert.Contains("Toxicity", failed.Error.Message, StringComparison.Ordinal);
        HealthRegistry? registry = await HealthRegistryTable.ReadAsync(host.Lake, "crypto_spot", Pipeline, Version, "strict-1", CancellationToken.None);
        Assert.NotNull(registry);
        Assert.Contains(registry.Results, h => h.Status == HealthStatus.Dropped);
    }

    private async Task<IReadOnlyList<BarSeries>> BronzeAsync(string marketId)
    {
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(market.Host.Lake, LakePath.Parse($"bronze/{marketId}/spot/ohlcv/schema=v1/interval=1d"));
        return BarsTable.ToSeries(bronze);
    }

    private async Task<HealthRegistry> RegistryAsync(string universe) =>
        await HealthRegistryTable.ReadAsync(market.Host.Lake, universe, Pipeline, Version, runId: null, CancellationToken.None)
        ?? throw new InvalidOperationException("no registry");
}
