using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Durable.Activities;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Steps;
using QuantFunctions.Orchestration.Telemetry;
using QuantFunctions.Testing;

namespace QuantFunctions.Durable.Tests.Orchestrators;

/// <summary>The orchestrators and the real activities on the in-process Durable engine (DurableTaskTestHost), over one lake.</summary>
internal sealed class DurableHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset DemoAsOf = new(2024, 1, 3, 0, 0, 0, TimeSpan.Zero);

    private readonly OrchestrationTelemetry _telemetry = new();

    private DurableHarness(ILakeStore lake, StageRegistry registry, RunnerOptions options)
    {
        Lake = lake;
        Registry = registry;
        Runner = new LocalRunner(registry, lake, options, _telemetry, NullLoggerFactory.Instance, TimeProvider.System);
        Steps = new RunSteps(Runner, new StepRetry(3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)));
    }

    public ILakeStore Lake { get; }

    public StageRegistry Registry { get; }

    public LocalRunner Runner { get; }

    public RunSteps Steps { get; }

    public DurableTaskTestHost Host { get; private set; } = null!;

    public DurableTaskClient Client => Host.Client;

    public static async Task<DurableHarness> StartAsync(ILakeStore lake, StageRegistry registry, RunnerOptions? options = null)
    {
        var harness = new DurableHarness(lake, registry, options ?? new RunnerOptions { MaxParallelism = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var activities = new RunActivities(harness.Steps);
        harness.Host = await DurableTaskTestHost.StartAsync(r => r.AddQuantTasks(activities), new DurableTaskTestHostOptions { Port = FreePort.Next() });
        return harness;
    }

    public PipelineManifest Load(string json, string source = "test/manifest.json") => new ManifestLoader(Registry).Parse(json, source);

    public static RunStart NewRun(PipelineManifest manifest, string runId, IReadOnlyList<string>? overrides = null) => new()
    {
        RunId = runId,
        ManifestJson = manifest.Json,
        ManifestSource = manifest.Source,
        Seed = 42,
        AsOf = DemoAsOf,
        Overrides = overrides ?? [],
    };

    /// <summary>Schedules <paramref name="start"/> on the orchestrator for <paramref name="kind"/> and waits for it to finish.</summary>
    public async Task<OrchestrationMetadata> RunAsync(PipelineKind kind, RunStart start, TimeSpan? timeout = null)
    {
        await Client.ScheduleNewOrchestrationInstanceAsync(DurableNames.OrchestratorFor(kind), start, new StartOrchestrationOptions(start.RunId));
        return await WaitAsync(start.RunId, timeout);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cts.Token);
    }

    public async Task<RunRecord> RunRecordAsync(string scope, string runId) => await Runner.Store.LoadAsync(scope, runId);

    public async Task<IReadOnlyList<AuditEntry>> LedgerAsync(string scope, string runId)
    {
        using var ledger = AuditLedger.ForRun(Lake, LakeIdentifier.Parse(scope, "scope"), RunId.Parse(runId));
        return await ledger.ReadAllAsync();
    }

    public static async Task<SortedDictionary<string, byte[]>> ReadTreeAsync(ILakeStore lake, string prefix)
    {
        var tree = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (LakeObjectInfo info in lake.ListAsync(LakePath.Parse(prefix)))
        {
            tree[info.Path.Value] = (await lake.TryReadAsync(info.Path))!.Content.ToArray();
        }

        return tree;
    }

    /// <summary>The number of ledger entries of each kind for each node ("kind node").</summary>
    public static Dictionary<string, int> EventCounts(IEnumerable<AuditEntry> ledger)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (AuditEntry e in ledger)
        {
            string key = $"{e.Kind} {e.Node}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    public static string? ErrorOf(JsonObject? node) => node?["message"]?.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _telemetry.Dispose();
    }
}
