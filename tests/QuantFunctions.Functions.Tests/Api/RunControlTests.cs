using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Tests.Support;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Functions.Tests.Api;

/// <summary>Terminate and restart over the HTTP API, on the in-process engine with the shipped stages.</summary>
public sealed class RunControlTests
{
    [Fact]
    public async Task Terminate_RunningRun_202InstanceTerminatedAndRunCancelledWithTheCleanedReason()
    {
        await using FunctionsHarness h = await FunctionsHarness.StartAsync();
        Assert.Equal(202, (await h.StartAsync("dataops", """{ "as_of": "2024-01-03T00:00:00Z", "run_id": "stop-me" }""")).Status);
        await h.WaitUntilAsync("stop-me", s => s["runStatus"] == "Running");

        // While it runs: a second start and a restart are conflicts.
        ApiResponse again = await h.StartAsync("dataops", """{ "run_id": "stop-me" }""");
        Assert.Equal((409, ErrorCodes.RunExists.Value), (again.Status, again.Code));
        ApiResponse early = await h.RestartAsync("stop-me");
        Assert.Equal((409, ErrorCodes.RunRunning.Value), (early.Status, early.Code));

        ApiResponse terminate = await h.TerminateAsync("stop-me", "operator\nstop\u0007 now\r\n\u202Eplease");

        Assert.Equal(202, terminate.Status);
        Assert.Equal("operator stop now please", terminate["reason"]);
        Assert.Equal($"https://{Requests.Host}/api/runs/stop-me", terminate.Headers.Location.ToString());
        ApiResponse stopped = await h.WaitFinishedAsync("stop-me");
        Assert.Equal(200, stopped.Status);
        Assert.Equal("Terminated", stopped["runtimeStatus"]);
        Assert.Equal("Cancelled", stopped["runStatus"]);
        Assert.Equal("operator stop now please", stopped["error"]);
        RunRecord cancelled = (await h.RecordAsync("stop-me"))!;
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("operator stop now please", cancelled.Error!.Message);
        Assert.Contains(h.Logs.Lines, l => l.Message.Contains("stop-me terminated: operator stop now please", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Logs.Lines, l => l.Message.Contains("operator\n", StringComparison.Ordinal));

        ApiResponse twice = await h.TerminateAsync("stop-me");
        Assert.Equal((410, ErrorCodes.RunFinished.Value), (twice.Status, twice.Code));

        // The node that was running when the run was terminated finishes and is recorded; the run stays Cancelled.
        await WaitNoNodeRunningAsync(h, "stop-me");
        Assert.Equal(RunStatus.Cancelled, (await h.RecordAsync("stop-me"))!.Status);

        // Without its instance (purged), the run is the lake's: status from run.json, and a new start of the id is refused.
        await h.Client.PurgeInstanceAsync("stop-me");
        ApiResponse lakeOnly = await h.StatusAsync("stop-me");
        Assert.Equal(200, lakeOnly.Status);
        Assert.Equal("Terminated", lakeOnly["runtimeStatus"]);
        Assert.Equal("Cancelled", lakeOnly["runStatus"]);
        ApiResponse recorded = await h.StartAsync("dataops", """{ "run_id": "stop-me" }""");
        Assert.Equal((409, ErrorCodes.RunExists.Value), (recorded.Status, recorded.Code));
        Assert.Contains("recorded in the lake", recorded.Detail, StringComparison.Ordinal);

        // Restarting a terminated run (attempt 2 under the same instance id) is tested on the Azure Storage provider with
        // quant worker processes (Durable.Tests Workers: cancel mid-run, then resume). Not here: on the in-process engine the
        // restarted execution intermittently never finished (seen under load) — most likely because activities the terminated
        // execution had queued deliver their results to the new execution of the same id (the Azure Storage provider discards
        // messages of an earlier execution). Restart of a failed run over HTTP: the next test.
    }

    [Fact]
    public async Task Restart_FailedRun_202AndTheRestartedRunSucceeds()
    {
        await using FunctionsHarness h = await FunctionsHarness.StartAsync();

        // The sleeve pipeline before any DataOps run: alpha.select finds no hand-off and fails, the rest is skipped.
        Assert.Equal(202, (await h.StartAsync("sleeve", """{ "as_of": "2024-01-03T00:00:00Z", "run_id": "sleeve-run" }""")).Status);
        ApiResponse failed = await h.WaitFinishedAsync("sleeve-run");
        Assert.Equal(200, failed.Status);
        Assert.Equal(("Completed", "Failed"), (failed["runtimeStatus"], failed["runStatus"]));
        Assert.Contains("alpha.select", failed["error"], StringComparison.Ordinal);
        Assert.Equal("""["alpha.select"]""", failed.Body!["output"]!["failed"]!.ToJsonString());

        Assert.Equal(202, (await h.StartAsync("dataops", """{ "as_of": "2024-01-03T00:00:00Z" }""")).Status);
        Assert.Equal("Succeeded", (await h.WaitFinishedAsync("dataops-20240103t000000000z-s42"))["runStatus"]);

        ApiResponse restart = await h.RestartAsync("sleeve-run");

        Assert.Equal(202, restart.Status);
        Assert.Equal("sleeve-run", restart["id"]);
        Assert.Equal(restart["statusQueryGetUri"], restart.Headers.Location.ToString());
        ApiResponse done = await h.WaitFinishedAsync("sleeve-run");
        Assert.Equal(("Completed", "Succeeded"), (done["runtimeStatus"], done["runStatus"]));
        Assert.Equal(2, done.Body!["input"]!["attempt"]!.GetValue<int>());
        RunRecord record = (await h.RecordAsync("sleeve-run"))!;
        Assert.Equal((RunStatus.Succeeded, 2), (record.Status, record.Attempt));
        Assert.Equal(7, record.Nodes.Count); // manifests/demo/sleeve: select, regime, synthesize, allocate, flatten, backtest, tear sheet
        Assert.All(record.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
    }

    private static async Task WaitNoNodeRunningAsync(FunctionsHarness h, string runId)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((await h.RecordAsync(runId))!.Nodes.Any(n => n.Status == NodeStatus.Running))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"a node of run {runId} is still recorded Running after 2 minutes");
            await Task.Delay(100);
        }
    }
}
