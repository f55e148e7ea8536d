using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Core.Errors;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Tests.Azurite;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Faults;

/// <summary>
/// Azurite stopped in the middle of a run of the demo meta pipeline on a blob lake: the blob client's bounded retries
/// run out, the run fails clearly, and after a restart <see cref="LocalRunner.ResumeAsync(string, string, CancellationToken)"/>
/// completes it with the same gold as an undisturbed run.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    private const string Meta = "manifests/demo/meta/version=1.0.0/manifest.json";

    /// <summary>Few, short storage retries so the outage exhausts them quickly (the SDK's exponential backoff: 2 retries from 50 ms, at most 200 ms).</summary>
    private static BlobClientOptions ShortRetries()
    {
        BlobClientOptions options = BlobServiceClientFactory.CreateOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        return options;
    }

    [Fact]
    public async Task ResumeAsync_StorageDownDuringOneNodeThenBack_NodeFailedNamingBlobDependentsSkippedResumeGivesUndisturbedGold()
    {
        using BlobLakeHarness undisturbed = await UndisturbedAsync("meta-outage");
        (OutageLakeStore lake, PipelineRuntime runtime) = await CreateAsync();
        using (runtime)
        {

            // The first data write of the meta run (not _meta/...) stops Azurite; it comes back once that write has failed.
            lake.BeforeWrite = azurite.StopAsync;
            lake.AfterWrite = azurite.RestartAsync;
            lake.Armed = true;
            RunRecord failed = await runtime.Runner.RunAsync(undisturbed.Request(await undisturbed.LoadAsync(Meta), "meta-outage"));

            Assert.True(lake.Fired);
            Assert.Equal(RunStatus.Failed, failed.Status);
            NodeState broken = Assert.Single(failed.Nodes, n => n.Status == NodeStatus.Failed);
            Assert.Equal(typeof(BlobLakeException).FullName, broken.Error!.Type);
            Assert.Equal(ErrorCodes.LakeUnavailable.Value, broken.Error.Code);
            Assert.Contains(lake.Container.Name, broken.Error.Message, StringComparison.Ordinal); // names container/blob
            Assert.Equal(NodeStatus.Skipped, failed.Nodes.Single(n => n.Node.Value == "meta.aggregate").Status);

            RunRecord resumed = await runtime.Runner.ResumeAsync("demo", "meta-outage");

            Assert.Equal(RunStatus.Succeeded, resumed.Status);
            Assert.All(resumed.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
            await AssertSameGoldAsync(undisturbed.Lake, lake);
        }
    }

    [Fact]
    public async Task ResumeAsync_StorageStaysDownSoTheRunRecordsCannotBeWritten_RunAsyncThrowsNamingTheRecordAndResumeAfterRestartGivesUndisturbedGold()
    {
        using BlobLakeHarness undisturbed = await UndisturbedAsync("meta-down");
        (OutageLakeStore lake, PipelineRuntime runtime) = await CreateAsync();
        using (runtime)
        {
            lake.BeforeWrite = azurite.StopAsync;
            lake.Armed = true;
            BlobLakeException? error = null;
            try
            {
                await runtime.Runner.RunAsync(undisturbed.Request(await undisturbed.LoadAsync(Meta), "meta-down"));
            }
            catch (BlobLakeException e)
            {
                error = e;
            }
            finally
            {
                await azurite.RestartAsync();
            }

            Assert.NotNull(error);
            Assert.Equal(ErrorCodes.LakeUnavailable, error.Code);
            // The first record the runner cannot write: run.json, or a skipped node's stage.json (run.json is written behind).
            Assert.Contains("_meta/demo/runs/meta-down/", error.Message, StringComparison.Ordinal);
            Assert.Contains(lake.Container.Name, error.Message, StringComparison.Ordinal);

            RunRecord resumed = await runtime.Runner.ResumeAsync("demo", "meta-down");

            Assert.Equal(RunStatus.Succeeded, resumed.Status);
            Assert.All(resumed.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
            await AssertSameGoldAsync(undisturbed.Lake, lake);
        }
    }

    /// <summary>The demo DataOps and meta pipelines run undisturbed in their own container (the expected gold).</summary>
    private async Task<BlobLakeHarness> UndisturbedAsync(string runId)
    {
        BlobLakeHarness undisturbed = await BlobLakeHarness.CreateAsync(azurite);
        await undisturbed.RunDataOpsAsync();
        Assert.Equal(RunStatus.Succeeded, (await undisturbed.RunLocalAsync(await undisturbed.LoadAsync(Meta), runId)).Status);
        return undisturbed;
    }

    /// <summary>A blob lake with short storage retries behind an (unarmed) outage hook on data writes, with DataOps already run.</summary>
    private async Task<(OutageLakeStore Lake, PipelineRuntime Runtime)> CreateAsync()
    {
        BlobContainerClient container = new BlobServiceClient(azurite.ConnectionString, ShortRetries()).GetBlobContainerClient(azurite.UniqueName("outage"));
        var lake = new OutageLakeStore(await BlobLakeStore.OpenAsync(container)) { Container = container };
        var options = new RunnerOptions { MaxParallelism = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) };
        var runtime = PipelineRuntime.Create(lake, options, NullLoggerFactory.Instance, TimeProvider.System);
        await RunDataOpsAsync(runtime);
        lake.Trigger = p => !p.Value.StartsWith("_meta/", StringComparison.Ordinal);
        return (lake, runtime);
    }

    /// <summary>Runs the demo DataOps pipeline (run id <c>dataops</c>) and asserts it succeeded.</summary>
    internal static async Task RunDataOpsAsync(PipelineRuntime runtime, string runId = "dataops")
    {
        PipelineManifest manifest = await runtime.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), "manifests/demo/dataops/version=1.0.0/manifest.json"), CancellationToken.None);
        RunRecord run = await runtime.Runner.RunAsync(new RunRequest { Manifest = manifest, RunId = runId, Settings = BlobLakeHarness.DemoSettings });
        Assert.Equal(RunStatus.Succeeded, run.Status);
    }

    private static async Task AssertSameGoldAsync(ILakeStore expected, ILakeStore actual)
    {
        SortedDictionary<string, byte[]> want = await BlobLakeHarness.ReadTreeAsync(expected, "gold");
        SortedDictionary<string, byte[]> got = await BlobLakeHarness.ReadTreeAsync(actual, "gold");
        Assert.NotEmpty(want);
        Assert.Equal(want.Keys, got.Keys);
        Assert.All(want, p => Assert.True(p.Value.AsSpan().SequenceEqual(got[p.Key]), $"{p.Key} differs"));
    }
}
