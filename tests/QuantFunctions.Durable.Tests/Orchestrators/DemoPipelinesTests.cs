using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Steps;
using QuantFunctions.Testing;

namespace QuantFunctions.Durable.Tests.Orchestrators;

/// <summary>The demo's data and model pipelines through the Durable orchestrators (in-process engine, real activities and stages).</summary>
public sealed class DemoPipelinesTests
{
    private const string DataOps = "manifests/demo/dataops/version=1.0.0/manifest.json";
    private const string Meta = "manifests/demo/meta/version=1.0.0/manifest.json";
    private const string Tournament = "manifests/demo/tournament/version=1.0.0/manifest.json";

    [Fact]
    public async Task DataThenModel_OnTheDurableEngine_GoldByteIdenticalToLocalRunnerAndRecordsComplete()
    {
        using var localDir = new TempDirectory("qf-durable-local");
        using var durableDir = new TempDirectory("qf-durable");
        var localLake = new FileSystemLakeStore(localDir.Path);
        var durableLake = new FileSystemLakeStore(durableDir.Path);

        await RunLocallyAsync(localLake, (DataOps, "dataops"), (Meta, "meta-run"));

        using PipelineRuntime shipped = PipelineRuntime.Create(durableLake, new RunnerOptions(), NullLoggerFactory.Instance, TimeProvider.System);
        await using DurableHarness durable = await DurableHarness.StartAsync(durableLake, shipped.Registry);
        PipelineManifest data = await shipped.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), DataOps), CancellationToken.None);
        PipelineManifest meta = await shipped.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), Meta), CancellationToken.None);

        OrchestrationMetadata dataRun = await durable.RunAsync(PipelineKind.Data, DurableHarness.NewRun(data, "dataops"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, dataRun.RuntimeStatus);
        Assert.Equal(RunStatus.Succeeded, dataRun.ReadOutputAs<RunOutcome>()!.Status);
        Assert.NotNull(await DataHandoffStore.ReadAsync(durableLake, LakeIdentifier.Parse("demo", "scope"), LakeIdentifier.Parse("dataops", "pipeline")));

        OrchestrationMetadata metaRun = await durable.RunAsync(PipelineKind.Model, DurableHarness.NewRun(meta, "meta-run"));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metaRun.RuntimeStatus);
        RunOutcome outcome = metaRun.ReadOutputAs<RunOutcome>()!;
        Assert.Equal(RunStatus.Succeeded, outcome.Status);
        Assert.Empty(outcome.Failed);

        // Gold byte for byte.
        SortedDictionary<string, byte[]> want = await DurableHarness.ReadTreeAsync(localLake, "gold");
        SortedDictionary<string, byte[]> got = await DurableHarness.ReadTreeAsync(durableLake, "gold");
        Assert.NotEmpty(want);
        Assert.Equal(want.Keys, got.Keys);
        Assert.All(want, p => Assert.True(p.Value.AsSpan().SequenceEqual(got[p.Key]), $"{p.Key} differs"));

        // run.json and stage.json as the local runner writes them; the ledger verifies against the recorded head.
        foreach (string runId in new[] { "dataops", "meta-run" })
        {
            RunRecord run = await durable.RunRecordAsync("demo", runId);
            RunRecord expected = (await new RunStore(localLake).LoadAsync("demo", runId));
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal(expected.Nodes.Select(n => (n.Node.Value, n.Status, n.InputFingerprint)), run.Nodes.Select(n => (n.Node.Value, n.Status, n.InputFingerprint)));
            Assert.Equal(expected.ParamsHash, run.ParamsHash);
            Assert.Equal(expected.ManifestHash, run.ManifestHash);
            AuditVerificationResult verified = await AuditLedgerVerifier.VerifyAsync(durableLake, LakePathResolver.AuditLedger(run.Scope, run.RunId), run.AuditHead);
            Assert.True(verified.IsValid, verified.Failure?.ToString());
            Dictionary<string, int> events = DurableHarness.EventCounts(await durable.LedgerAsync("demo", runId));
            Assert.All(run.Nodes, n => Assert.Equal(1, events.GetValueOrDefault($"node.succeeded {n.Node}")));
            Assert.Equal(1, events.GetValueOrDefault("run.started "));
            Assert.Equal(1, events.GetValueOrDefault("run.completed "));
            Assert.NotNull(await new RunStore(durableLake).TryLoadForensicTraceAsync("demo", runId));
        }

        // Each sleeve ran as its own sub-orchestration.
        foreach (string sleeve in new[] { "crypto_long", "crypto_short", "equity_long", "equity_short" })
        {
            OrchestrationMetadata? sub = await durable.Client.GetInstanceAsync($"meta-run:{sleeve}:1");
            Assert.NotNull(sub);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, sub.RuntimeStatus);
        }
    }

    [Fact]
    public async Task Tournament_OnTheDurableEngine_CellsFanOutAsActivities_SameScoreboardAndIndexAsTheLocalRunner()
    {
        using var localDir = new TempDirectory("qf-durable-tour-local");
        using var durableDir = new TempDirectory("qf-durable-tour");
        var localLake = new FileSystemLakeStore(localDir.Path);
        var durableLake = new FileSystemLakeStore(durableDir.Path);

        await RunLocallyAsync(localLake, (DataOps, "dataops"), (Tournament, "tour-run"));

        using PipelineRuntime shipped = PipelineRuntime.Create(durableLake, new RunnerOptions(), NullLoggerFactory.Instance, TimeProvider.System);
        await using DurableHarness durable = await DurableHarness.StartAsync(durableLake, shipped.Registry);
        PipelineManifest data = await shipped.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), DataOps), CancellationToken.None);
        PipelineManifest tournament = await shipped.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), Tournament), CancellationToken.None);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await durable.RunAsync(PipelineKind.Data, DurableHarness.NewRun(data, "dataops"))).RuntimeStatus);

        OrchestrationMetadata tourRun = await durable.RunAsync(PipelineKind.Model, DurableHarness.NewRun(tournament, "tour-run"), TimeSpan.FromMinutes(10));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, tourRun.RuntimeStatus);
        RunOutcome outcome = tourRun.ReadOutputAs<RunOutcome>()!;
        Assert.True(outcome.Status == RunStatus.Succeeded, outcome.Error);

        // Every matrix cell ran as its own node (an activity), once, after its standard's selection.
        RunRecord recorded = await durable.RunRecordAsync("demo", "tour-run");
        string[] cells = [.. recorded.Nodes.Select(n => n.Node.Value).Where(k => k.StartsWith("tournament.cell[", StringComparison.Ordinal))];
        Assert.Equal(18, cells.Length);
        Dictionary<string, int> events = DurableHarness.EventCounts(await durable.LedgerAsync("demo", "tour-run"));
        Assert.All(recorded.Nodes, n => Assert.Equal(1, events.GetValueOrDefault($"node.succeeded {n.Node}")));

        // The tournament's gold — books, panel, cells, scoreboard (Parquet, Markdown, JSON) and the winner — byte for byte.
        SortedDictionary<string, byte[]> want = await DurableHarness.ReadTreeAsync(localLake, "gold/tournament");
        SortedDictionary<string, byte[]> got = await DurableHarness.ReadTreeAsync(durableLake, "gold/tournament");
        Assert.Contains(want.Keys, k => k.EndsWith("/scoreboard.json", StringComparison.Ordinal));
        Assert.Equal(want.Keys, got.Keys);
        Assert.All(want, p => Assert.True(p.Value.AsSpan().SequenceEqual(got[p.Key]), $"{p.Key} differs"));

        // The run's INDEX.md as the local runner writes it.
        LakePath index = LakePathResolver.RunIndex(recorded.Scope, recorded.RunId);
        Assert.Equal((await localLake.TryReadAsync(index))!.Content.ToArray(), (await durableLake.TryReadAsync(index))!.Content.ToArray());
    }

    /// <summary>Runs the demo manifests in order through the local runner (the reference the Durable runs are compared with).</summary>
    private static async Task RunLocallyAsync(ILakeStore lake, params (string Path, string RunId)[] runs)
    {
        using PipelineRuntime local = PipelineRuntime.Create(lake, new RunnerOptions { MaxParallelism = 2 }, NullLoggerFactory.Instance, TimeProvider.System);
        foreach ((string path, string runId) in runs)
        {
            PipelineManifest manifest = await local.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), path), CancellationToken.None);
            RunRecord run = await local.Runner.RunAsync(new RunRequest { Manifest = manifest, RunId = runId, Settings = new RunSettings { AsOf = DurableHarness.DemoAsOf, Seed = 42 } });
            Assert.Equal(RunStatus.Succeeded, run.Status);
        }
    }
}
