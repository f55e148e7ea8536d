using System.Text;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Tests.Tournaments;
using QuantFunctions.Testing.Orchestration;

namespace QuantFunctions.Stages.Tests.Meta;

/// <summary>meta.aggregate's gates on a small synthetic market: the sign test at the sleeve boundary, single-sleeve refusal, pinned sleeve runs, the report.</summary>
public sealed class MetaGatesTests : IDisposable
{
    private const string Windows = "\"train_days\": 60, \"test_days\": 30, \"step_days\": 30";

    private readonly DagTestHost _host = new(new StageRegistryBuilder().AddQuantStages()
        .Add<FlippedFlattenStage, SleeveParameters>(FlippedFlattenStage.Id, "Flattens with every position long (a sleeve built to fail the sign test).", PipelineKind.Model)
        .Build());

    public void Dispose() => _host.Dispose();

    private static string MetaManifest(string id, string sleeves, string flatten = "alpha.flatten", string extra = "") => $$"""
        {
          "id": "{{id}}", "version": "1.0.0", "scope": "demo", "kind": "model",
          "parameters": { "sleeves": {{sleeves}} },
          "nodes": [
            { "id": "alpha.select", "stage": "alpha.select", "for_each": "sleeves",
              "params": { "source_scope": "demo", "source_pipeline": "dataops", "source_version": "1.0.0", "sleeves": {
                "crypto_long": { "universe": "crypto_spot", "direction": "long", "selection": { "standard": "v4", "lookback": 30, "history": 120, "floor": 5 }, "allocation_lookback": 30, "engine": "inverse_vol", "periods_per_year": 365 },
                "crypto_short": { "universe": "crypto_spot", "direction": "short", "selection": { "standard": "v4", "lookback": 30, "history": 120, "floor": 5 }, "allocation_lookback": 30, "engine": "inverse_vol", "periods_per_year": 365 } } } },
            { "id": "alpha.synthesize", "stage": "alpha.synthesize", "for_each": "sleeves", "depends_on": ["alpha.select"] },
            { "id": "alpha.allocate", "stage": "alpha.allocate", "for_each": "sleeves", "depends_on": ["alpha.synthesize"] },
            { "id": "alpha.flatten", "stage": "{{flatten}}", "for_each": "sleeves", "depends_on": ["alpha.allocate"] },
            { "id": "validate.backtest", "stage": "validate.backtest", "for_each": "sleeves", "depends_on": ["alpha.select"], "params": { {{Windows}} } },
            { "id": "meta.aggregate", "stage": "meta.aggregate", "depends_on": ["validate.backtest", "alpha.flatten"],
              "params": { "sleeves": "${sleeves}", "meta": "meta", {{Windows}}{{extra}} } }
          ]
        }
        """;

    [Fact]
    public async Task Run_HonestSleeves_PassTheSignTestAndWriteTheReport()
    {
        RunRecord run = await RunAsync(MetaManifest("meta", "[\"crypto_long\", \"crypto_short\"]"), "meta-1");

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Where(n => n.Error is not null).Select(n => $"{n.Node}: {n.Error!.Message}")));
        string report = await ReadTextAsync(run.Nodes.SelectMany(n => n.Outputs).First(o => o.Name == "meta_report").Path);
        // As many positions checked as atoms (the HTR winners, at least the floor of 5), none pointing the wrong way.
        Assert.Matches(@"\| crypto_short \| SHORT \| ([5-9]|[1-9]\d) \| 0 \| \1 \| 0 \| pass \|", report);
        Assert.Contains("| crypto_long | meta-1 |", report, StringComparison.Ordinal);
        Assert.Contains("_meta/demo/runs/meta-1/forensic_trace.json", report, StringComparison.Ordinal);
        IReadOnlyList<AuditEntry> ledger = await _host.ReadLedgerAsync("demo", "meta-1");
        Assert.True(ledger.Single(e => e.Kind == "gate.sign_test").Data["passed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Run_ShortSleeveFlattenedLong_AbortsTheMetaRunNamingTheSleeve()
    {
        RunRecord run = await RunAsync(MetaManifest("meta", "[\"crypto_long\", \"crypto_short\"]", FlippedFlattenStage.Id), "meta-bad");

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeState aggregate = run.Nodes.Single(n => n.Node.Value == "meta.aggregate");
        Assert.Equal("meta.sign_test_failed", aggregate.Error?.Code);
        Assert.Contains("sleeve 'crypto_short'", aggregate.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("post-optimisation position", aggregate.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SingleSleeve_RefusedUnlessDeclared()
    {
        RunRecord refused = await RunAsync(MetaManifest("meta", "[\"crypto_long\"]"), "single-1");
        Assert.Equal("meta.single_sleeve", refused.Nodes.Single(n => n.Node.Value == "meta.aggregate").Error?.Code);

        RunRecord declared = await RunAsync(MetaManifest("meta_single", "[\"crypto_long\"]", extra: ", \"allow_single_sleeve\": true"), "single-2");
        Assert.Equal(RunStatus.Succeeded, declared.Status);
    }

    private const string PinnedManifest = """
        {
          "id": "meta_pinned", "version": "1.0.0", "scope": "demo", "kind": "model",
          "nodes": [
            { "id": "meta.aggregate", "stage": "meta.aggregate",
              "params": { "sleeves": ["crypto_long", "crypto_short"], "meta": "meta", "train_days": 60, "test_days": 30, "step_days": 30,
                          "sleeve_runs": { "crypto_long": "meta@1.0.0/sleeves-1", "crypto_short": "meta@1.0.0/sleeves-1" } } }
          ]
        }
        """;

    [Fact]
    public async Task Run_SleevesPinnedToAValidatedRun_AreReadFromThatRun()
    {
        RunRecord sleeves = await RunAsync(MetaManifest("meta", "[\"crypto_long\", \"crypto_short\"]"), "sleeves-1");
        Assert.Equal(RunStatus.Succeeded, sleeves.Status);
        Assert.All(await Promotion.RunValidator.ValidateAndRecordAsync(_host.Lake, sleeves, CancellationToken.None), c => Assert.True(c.Passed, c.Detail));

        RunRecord run = await _host.RunAsync(PinnedManifest, runId: "pinned-1");

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
        string report = await ReadTextAsync(run.Nodes.SelectMany(n => n.Outputs).First(o => o.Name == "meta_report").Path);
        Assert.Contains("| crypto_long | sleeves-1 |", report, StringComparison.Ordinal);
        Assert.Contains("| crypto_short | sleeves-1 |", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Simulator_ChoosesTheTierOfTheMetaRebalances()
    {
        RunRecord sleeves = await RunAsync(MetaManifest("meta", "[\"crypto_long\", \"crypto_short\"]"), "sleeves-1");
        Assert.Equal(RunStatus.Succeeded, sleeves.Status);
        Assert.All(await Promotion.RunValidator.ValidateAndRecordAsync(_host.Lake, sleeves, CancellationToken.None), c => Assert.True(c.Passed, c.Detail));
        var net = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string simulator in new[] { "t1", "t2", "t3" })
        {
            string manifest = $$"""
                {
                  "id": "meta_{{simulator}}", "version": "1.0.0", "scope": "demo", "kind": "model",
                  "nodes": [
                    { "id": "meta.aggregate", "stage": "meta.aggregate",
                      "params": { "sleeves": ["crypto_long", "crypto_short"], "meta": "meta", "train_days": 60, "test_days": 30, "step_days": 30, "simulator": "{{simulator}}",
                                  "sleeve_runs": { "crypto_long": "meta@1.0.0/sleeves-1", "crypto_short": "meta@1.0.0/sleeves-1" } } }
                  ]
                }
                """;
            RunRecord run = await _host.RunAsync(manifest, runId: "sim-" + simulator);
            Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
            AuditEntry weights = (await _host.ReadLedgerAsync("demo", "sim-" + simulator)).Single(e => e.Kind == "meta.weights");
            Assert.Equal(simulator, weights.Data["simulator"]!.GetValue<string>());
            net[simulator] = (await Lake.Datasets.LakeTableStore.ReadAsync(_host.Lake, run.Nodes.SelectMany(n => n.Outputs).First(o => o.Name == "backtest").Path)).Doubles("net_ret");
        }

        // The same decisions held three ways: T1 holds the target weights every day, T2 lets them drift between
        // rebalances, T3 trades whole lots at the next open — so the daily records differ, day for day, somewhere.
        Assert.Equal(net["t1"].Length, net["t2"].Length);
        Assert.False(net["t1"].AsSpan().SequenceEqual(net["t2"]));
        Assert.False(net["t2"].AsSpan().SequenceEqual(net["t3"]));
    }

    [Fact]
    public async Task Run_UnknownSimulator_IsAParameterErrorBeforeAnythingRuns()
    {
        string manifest = MetaManifest("meta_bad", "[\"crypto_long\", \"crypto_short\"]", extra: ", \"simulator\": \"t9\"");
        var ex = await Assert.ThrowsAsync<Orchestration.Manifests.ManifestValidationException>(() => RunAsync(manifest, "sim-bad"));
        Assert.Contains("simulator", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SleevesPinnedToAnUnvalidatedRun_RefusedNamingTheRunAndTheMissingRecord()
    {
        Assert.Equal(RunStatus.Succeeded, (await RunAsync(MetaManifest("meta", "[\"crypto_long\", \"crypto_short\"]"), "sleeves-1")).Status);

        RunRecord run = await _host.RunAsync(PinnedManifest, runId: "pinned-1");

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeError error = run.Nodes.Single(n => n.Node.Value == "meta.aggregate").Error!;
        Assert.Equal("meta.sleeve_run_unvalidated", error.Code);
        Assert.Contains("sleeve_runs['crypto_long'] = 'meta@1.0.0/sleeves-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no validation.json in _meta/demo/runs/sleeves-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SleevesPinnedToARunRecordedInvalid_RefusedNamingTheFailingCheck()
    {
        RunRecord sleeves = await RunAsync(MetaManifest("meta", "[\"crypto_long\", \"crypto_short\"]"), "sleeves-1");
        // Remove one recorded output, then validate: the artifacts check fails and validation.json records it.
        LakePath removed = sleeves.Nodes.SelectMany(n => n.Outputs).First(o => o.Name == "meta_report").Path;
        await _host.Lake.DeleteAsync(removed);
        Assert.Contains(await Promotion.RunValidator.ValidateAndRecordAsync(_host.Lake, sleeves, CancellationToken.None), c => c.Gate == "artifacts" && !c.Passed);

        RunRecord run = await _host.RunAsync(PinnedManifest, runId: "pinned-1");

        NodeError error = run.Nodes.Single(n => n.Node.Value == "meta.aggregate").Error!;
        Assert.Equal("meta.sleeve_run_unvalidated", error.Code);
        Assert.Contains("_meta/demo/runs/sleeves-1/validation.json records it invalid: artifacts FAIL: 1 of", error.Message, StringComparison.Ordinal);
        Assert.Contains(removed.Value, error.Message, StringComparison.Ordinal);
    }

    private async Task<RunRecord> RunAsync(string manifest, string runId)
    {
        await TinyCryptoMarket.EnsureAsync(_host);

        return await _host.RunAsync(manifest, runId: runId);
    }

    private async Task<string> ReadTextAsync(LakePath path) => Encoding.UTF8.GetString((await _host.Lake.TryReadAsync(path))!.Content.Span);
}
