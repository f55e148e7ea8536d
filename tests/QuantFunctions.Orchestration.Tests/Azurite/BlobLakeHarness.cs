using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Azurite;

/// <summary>A blob lake in its own Azurite container and the shipped stages over it.</summary>
internal sealed class BlobLakeHarness : IDisposable
{
    /// <summary>The demo's as-of and seed (as <c>quant demo</c>).</summary>
    public static readonly RunSettings DemoSettings = new() { AsOf = new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), Seed = 42 };

    private BlobLakeHarness(AzuriteFixture azurite, string container)
    {
        Service = new BlobServiceClient(azurite.ConnectionString, BlobServiceClientFactory.CreateOptions());
        Container = Service.GetBlobContainerClient(container);
        Lake = new BlobLakeStore(Container);
        Runtime = PipelineRuntime.Create(Lake, new RunnerOptions { MaxParallelism = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }, NullLoggerFactory.Instance, TimeProvider.System);
    }

    /// <summary>The Blob service of the shared Azurite (connection string, pinned service version, the SDK's default retries).</summary>
    public BlobServiceClient Service { get; }

    public BlobContainerClient Container { get; }

    public ILakeStore Lake { get; }

    public PipelineRuntime Runtime { get; }

    public static async Task<BlobLakeHarness> CreateAsync(AzuriteFixture azurite)
    {
        var harness = new BlobLakeHarness(azurite, azurite.UniqueName("lake"));
        await harness.Container.CreateIfNotExistsAsync();
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

    public void Dispose() => Runtime.Dispose();
}
