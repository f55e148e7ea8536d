namespace QuantFunctions.Durable.Tests.Workers;

/// <summary>The task-hub commands refuse what cannot work, before touching storage (exit 2, a message naming the fix).</summary>
public sealed class WorkerCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Worker_FileLake_ExitsTwoNamingTheBlobLake()
    {
        using QuantProcess worker = QuantProcess.Start("worker", new Dictionary<string, string> { ["QF_LAKE"] = "file", ["QF_LAKE_ROOT"] = Path.GetTempPath() }, "worker");
        Assert.Equal(2, await worker.WaitForExitAsync(Timeout));
        Assert.Contains("QF_LAKE=blob", worker.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineRun_TaskHubWithoutDurable_ExitsTwo()
    {
        using QuantProcess run = QuantProcess.Start("run", new Dictionary<string, string> { ["QF_LAKE"] = "file" },
            "pipeline", "run", DemoRuns.MetaManifest, "--task-hub", "somehub");
        Assert.Equal(2, await run.WaitForExitAsync(Timeout));
        Assert.Contains("--durable", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("my-hub")]
    public async Task Worker_InvalidTaskHub_ExitsTwo(string hub)
    {
        var environment = new Dictionary<string, string> { ["QF_LAKE"] = "blob", ["QF_STORAGE_CONNECTION"] = "UseDevelopmentStorage=true" };
        using QuantProcess worker = QuantProcess.Start("worker", environment, "worker", "--task-hub", hub);
        Assert.Equal(2, await worker.WaitForExitAsync(Timeout));
        Assert.Contains("--task-hub", worker.Error, StringComparison.Ordinal);
    }
}
