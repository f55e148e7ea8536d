using System.Diagnostics;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Queue;

/// <summary>Issue 6: three <c>quant worker</c> processes on Azurite, one killed mid-node, against a local-runner run.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueueWorkerProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Worker_ThreeProcessesOneKilledMidNode_EightSleeveMetaCompletesIdenticalToLocalRun()
    {
        using var temp = new TempDirectory("qf-queue-procs");
        string manifestPath = temp.Combine("manifest.json");
        await File.WriteAllTextAsync(manifestPath, QueueHarness.WideMetaManifest("meta8", 8));
        using QueueHarness local = await QueueHarness.CreateAsync(azurite);
        using QueueHarness queued = await QueueHarness.CreateAsync(azurite);
        await local.RunDataOpsAsync();
        await queued.RunDataOpsAsync();
        PipelineManifest manifest = await local.Runtime.Loader.LoadFileAsync(manifestPath);
        RunRecord expected = await local.RunLocalAsync(manifest, "meta8-q");
        Assert.Equal(RunStatus.Succeeded, expected.Status);
        Assert.Equal(8 * 6 + 3, expected.Nodes.Count);

        using var processes = new WorkerProcesses(queued, azurite.ConnectionString);
        (int exit, string output) = await processes.RunAsync(
            TimeSpan.FromMinutes(2), "pipeline", "run", manifestPath, "--queue", queued.Queue.Name, "--run-id", "meta8-q", "--as-of", "2024-01-03T00:00:00Z", "--seed", "42");
        Assert.True(exit == 0, output);
        Process[] workers = [.. Enumerable.Range(0, 3).Select(_ => processes.Start("worker", "--queue", queued.Queue.Name))];

        // With three single-message workers and three nodes running, each worker is mid-node: kill the first.
        RunRecord run = (await queued.Runtime.Runner.Store.TryLoadAsync("demo", "meta8-q"))!;
        using (var wait = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            while ((await queued.Runtime.Runner.Store.LoadStagesAsync(run, wait.Token)).Values.Count(s => s.Status == NodeStatus.Running) < 3)
            {
                await Task.Delay(50, wait.Token);
            }
        }

        workers[0].Kill(entireProcessTree: true);
        await workers[0].WaitForExitAsync();

        RunRecord final = await queued.WaitForRunAsync("demo", "meta8-q", TimeSpan.FromMinutes(10));
        Assert.True(final.Status == RunStatus.Succeeded, processes.Output(workers[1]) + processes.Output(workers[2]));
        Assert.True(workers[1].HasExited is false && workers[2].HasExited is false, "the surviving workers keep running");

        await QueueHarness.AssertSameResultsAsync(local, queued, "demo", "meta8-q");
    }

    [Fact]
    public async Task Cli_CancelThenResumeOnTheQueue_WorkerProcessCompletesTheSecondAttempt()
    {
        using QueueHarness queued = await QueueHarness.CreateAsync(azurite);
        await queued.RunDataOpsAsync();
        string meta = Path.Combine(RepositoryRoot.Find(), "manifests/demo/meta/version=1.0.0/manifest.json");
        string queue = queued.Queue.Name;
        using var processes = new WorkerProcesses(queued, azurite.ConnectionString);
        TimeSpan timeout = TimeSpan.FromMinutes(2);

        (int exit, string output) = await processes.RunAsync(timeout, "pipeline", "run", meta, "--queue", queue, "--run-id", "meta-cli", "--as-of", "2024-01-03T00:00:00Z");
        Assert.True(exit == 0, output);
        (exit, output) = await processes.RunAsync(timeout, "pipeline", "cancel", "meta-cli", "--queue", queue, "--reason", "operator stop");
        Assert.True(exit == 0, output);
        Assert.Contains("is cancelled: operator stop", output, StringComparison.Ordinal);
        (exit, output) = await processes.RunAsync(timeout, "pipeline", "resume", "meta-cli", "--queue", queue);
        Assert.True(exit == 0, output);
        Assert.Contains("resumed on queue '" + queue + "' (attempt 2, running)", output, StringComparison.Ordinal);

        // The four attempt-1 messages are stale, the attempt-2 ones run; the worker exits once the queue is idle.
        (exit, output) = await processes.RunAsync(TimeSpan.FromMinutes(5), "worker", "--queue", queue, "--idle-exit", "3");
        Assert.True(exit == 0, output);

        RunRecord run = (await queued.Runtime.Runner.Store.TryLoadAsync("demo", "meta-cli"))!;
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempt);
        Assert.All(run.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
    }
}
