using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Stages.Hosting;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Queue;

/// <summary>A blob lake in its own Azurite container, the shipped stages, a node queue and a queue runner over them.</summary>
internal sealed class QueueHarness : IDisposable
{
    /// <summary>The demo's as-of and seed (as <c>quant demo</c>).</summary>
    public static readonly RunSettings DemoSettings = new() { AsOf = new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), Seed = 42 };

    /// <summary>Test timings: short visibility and heartbeat so a killed worker's message reappears quickly.</summary>
    public static readonly QueueRunnerOptions Options = new()
    {
        VisibilityTimeout = TimeSpan.FromSeconds(6),
        HeartbeatInterval = TimeSpan.FromSeconds(2),
        LeaseDuration = TimeSpan.FromSeconds(15),
        PollInterval = TimeSpan.FromMilliseconds(100),
    };

    private readonly HttpClient _http = new();

    private QueueHarness(AzuriteFixture azurite, string container, string queue)
    {
        Connection = StorageConnectionString.Parse(azurite.ConnectionString);
        Container = new BlobContainerClient(Connection, container, _http);
        Lake = new BlobLakeStore(Container);
        Runtime = PipelineRuntime.Create(Lake, new RunnerOptions { MaxParallelism = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }, NullLoggerFactory.Instance, TimeProvider.System);
        Queue = new StorageQueueClient(Connection, queue, _http);
        Runner = new QueueRunner(Runtime.Runner, Container, Queue, Options, NullLoggerFactory.Instance);
    }

    public StorageConnectionString Connection { get; }

    public BlobContainerClient Container { get; }

    public ILakeStore Lake { get; }

    public PipelineRuntime Runtime { get; }

    public StorageQueueClient Queue { get; }

    public QueueRunner Runner { get; }

    public static async Task<QueueHarness> CreateAsync(AzuriteFixture azurite)
    {
        var harness = new QueueHarness(azurite, azurite.UniqueName("lake"), azurite.UniqueName("nodes"));
        await harness.Container.CreateIfNotExistsAsync();
        await harness.Queue.CreateIfNotExistsAsync();
        return harness;
    }

    /// <summary>Loads a manifest of the repository (e.g. <c>manifests/demo/meta/version=1.0.0/manifest.json</c>).</summary>
    public Task<PipelineManifest> LoadAsync(string relative) =>
        Runtime.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), relative), CancellationToken.None);

    public Task<RunRecord> RunLocalAsync(PipelineManifest manifest, string runId) =>
        Runtime.Runner.RunAsync(new RunRequest { Manifest = manifest, RunId = runId, Settings = DemoSettings });

    /// <summary>Runs the demo DataOps pipeline locally (what the meta pipeline reads).</summary>
    public async Task RunDataOpsAsync()
    {
        RunRecord run = await RunLocalAsync(await LoadAsync("manifests/demo/dataops/version=1.0.0/manifest.json"), "dataops");
        Assert.Equal(RunStatus.Succeeded, run.Status);
    }

    public RunRequest Request(PipelineManifest manifest, string runId) => new() { Manifest = manifest, RunId = runId, Settings = DemoSettings };

    /// <summary>Polls <c>run.json</c> until the run is Succeeded, Failed or Cancelled.</summary>
    public async Task<RunRecord> WaitForRunAsync(string scope, string runId, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            RunRecord? run = await Runtime.Runner.Store.TryLoadAsync(scope, runId, cts.Token);
            if (run?.Status.IsFinished() == true)
            {
                return run;
            }

            await Task.Delay(200, cts.Token);
        }
    }

    /// <summary>
    /// Receives with a 1 s visibility timeout, without handling, until the first message seen comes back with
    /// <paramref name="dequeueCount"/> (its earlier deliveries "died"); returns that delivery.
    /// </summary>
    public async Task<QueueMessage> ReceiveUntilDequeuedAsync(long dequeueCount)
    {
        string? target = null;
        while (true)
        {
            IReadOnlyList<QueueMessage> batch = await Queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1));
            if (batch.Count == 0)
            {
                await Task.Delay(200);
                continue;
            }

            target ??= batch[0].MessageId;
            if (batch[0].MessageId == target && batch[0].DequeueCount == dequeueCount)
            {
                return batch[0];
            }
        }
    }

    /// <summary>The first poison record of the queue.</summary>
    public async Task<PoisonMessage> PeekPoisonAsync() =>
        PoisonMessage.Parse((await Queue.ForQueue(Queue.Name + "-poison").PeekMessagesAsync(1))[0].Text!);

    /// <summary>Every object under <paramref name="prefix"/>, by path.</summary>
    public Task<SortedDictionary<string, byte[]>> ReadTreeAsync(string prefix) => ReadTreeAsync(Lake, prefix);

    /// <summary>Every object of <paramref name="lake"/> under <paramref name="prefix"/>, by path.</summary>
    public static async Task<SortedDictionary<string, byte[]>> ReadTreeAsync(ILakeStore lake, string prefix)
    {
        var tree = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (LakeObjectInfo info in lake.ListAsync(LakePath.Parse(prefix)))
        {
            tree[info.Path.Value] = (await lake.TryReadAsync(info.Path))!.Content.ToArray();
        }

        return tree;
    }

    /// <summary>The run's ledger entries.</summary>
    public async Task<IReadOnlyList<AuditEntry>> LedgerAsync(string scope, string runId)
    {
        using var ledger = AuditLedger.ForRun(Lake, LakeIdentifier.Parse(scope, "scope"), RunId.Parse(runId));
        return await ledger.ReadAllAsync();
    }

    /// <summary>
    /// Asserts the queued run matches the local run: every object under <c>gold</c> byte-identical, and the same
    /// ledger events (kind and node, as multisets: no event lost or duplicated).
    /// </summary>
    public static async Task AssertSameResultsAsync(QueueHarness local, QueueHarness queued, string scope, string runId)
    {
        SortedDictionary<string, byte[]> expectedGold = await local.ReadTreeAsync("gold");
        SortedDictionary<string, byte[]> actualGold = await queued.ReadTreeAsync("gold");
        Assert.NotEmpty(expectedGold);
        Assert.Equal(expectedGold.Keys, actualGold.Keys);
        Assert.All(expectedGold, p => Assert.True(p.Value.AsSpan().SequenceEqual(actualGold[p.Key]), $"{p.Key} differs"));
        Assert.Equal(Events(await local.LedgerAsync(scope, runId)), Events(await queued.LedgerAsync(scope, runId)));
    }

    /// <summary>
    /// The demo meta manifest widened to <paramref name="sleeves"/> sleeves: the four demo sleeves, then variants with
    /// other lookbacks and breadths (same universes), as pipeline <paramref name="id"/>.
    /// </summary>
    public static string WideMetaManifest(string id, int sleeves)
    {
        JsonObject manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "manifests/demo/meta/version=1.0.0/manifest.json")))!.AsObject();
        manifest.Remove("$schema");
        manifest["id"] = id;
        JsonObject select = manifest["nodes"]![0]!["params"]!["sleeves"]!.AsObject();
        string[] basis = ["crypto_long", "crypto_short", "equity_long", "equity_short"];
        var names = new JsonArray();
        for (int i = 0; i < sleeves; i++)
        {
            string name = i < basis.Length ? basis[i] : $"{basis[i % basis.Length]}_v{i / basis.Length}";
            if (i >= basis.Length)
            {
                JsonObject spec = select[basis[i % basis.Length]]!.DeepClone().AsObject();
                spec["lookback"] = 60 - (10 * (i / basis.Length));
                spec["top_n"] = 10 - (i / basis.Length);
                select[name] = spec;
            }

            names.Add(name);
        }

        manifest["parameters"]!["sleeves"] = names;
        foreach (JsonNode? node in manifest["nodes"]!.AsArray())
        {
            if (node!["id"]!.GetValue<string>() == "meta.aggregate")
            {
                node["params"]!["sleeves"] = names.DeepClone();
            }
        }

        return manifest.ToJsonString();
    }

    private static List<string> Events(IEnumerable<AuditEntry> ledger) =>
        [.. ledger.Select(e => $"{e.Kind} {e.Node}").Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Runtime.Dispose();
        _http.Dispose();
    }
}
