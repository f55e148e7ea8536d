using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Durable.Tests.Workers;

/// <summary>The demo pipelines run once with the local runner into a folder lake: the gold every Durable run must reproduce byte for byte.</summary>
public sealed class LocalDemoReference : IAsyncLifetime, IDisposable
{
    private TempDirectory? _folder;

    /// <summary>Every object under <c>gold/</c> after the local demo, by path.</summary>
    public IReadOnlyDictionary<string, byte[]> Gold { get; private set; } = new Dictionary<string, byte[]>();

    public async Task InitializeAsync()
    {
        _folder = new TempDirectory("qf-workers-reference");
        var lake = new FileSystemLakeStore(_folder.Path);
        using PipelineRuntime runtime = DemoRuns.Runtime(lake);
        Assert.Equal(RunStatus.Succeeded, (await DemoRuns.RunLocallyAsync(runtime, DemoRuns.DataOpsManifest, DemoRuns.DataOpsRunId)).Status);
        Assert.Equal(RunStatus.Succeeded, (await DemoRuns.RunLocallyAsync(runtime, DemoRuns.MetaManifest, DemoRuns.MetaRunId)).Status);
        Gold = await DemoRuns.ReadTreeAsync(lake, "gold");
        Assert.NotEmpty(Gold);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _folder?.Dispose();
        _folder = null;
    }
}
