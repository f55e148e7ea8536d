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
}
