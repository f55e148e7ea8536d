using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Tests.Support;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Functions.Tests.Api;

/// <summary>The demo DataOps pipeline through <c>POST /api/orchestrators/dataops</c> and <c>GET /api/runs/{id}</c>, and the conflicts of a finished run.</summary>
public sealed class DataOpsRunTests(DataOpsRunFixture run) : IClassFixture<DataOpsRunFixture>
{
    private const string RunId = DataOpsRunFixture.RunId;

    [Fact]
    public void Start_Returns202WithDurablesCheckStatusPayloadAndLocation()
    {
        ApiResponse start = run.Start;

        Assert.Equal(202, start.Status);
        Assert.Equal(RunId, start["id"]); // derived from pipeline, as_of and the default seed 42
        string instanceUri = $"https://{Requests.Host}/runtime/webhooks/durabletask/instances/{RunId}";
        Assert.Equal(instanceUri, start["statusQueryGetUri"]);
        Assert.Equal(instanceUri, start.Headers.Location.ToString());
        Assert.StartsWith(instanceUri + "/terminate", start["terminatePostUri"], StringComparison.Ordinal);
        Assert.StartsWith(instanceUri + "/raiseEvent/", start["sendEventPostUri"], StringComparison.Ordinal);
        Assert.Equal(instanceUri, start["purgeHistoryDeleteUri"]);
        Assert.Equal("10", start.Headers.RetryAfter.ToString());
    }

    [Fact]
    public void Status_WhileRunning_202WithLocationAndRetryAfter()
    {
        ApiResponse status = run.FirstStatus;

        Assert.Equal(202, status.Status);
        Assert.Contains(status["runtimeStatus"], new[] { "Pending", "Running" });
        Assert.Equal($"https://{Requests.Host}/api/runs/{RunId}", status.Headers.Location.ToString());
        Assert.Equal("5", status.Headers.RetryAfter.ToString());
        Assert.Null(status.Body!["output"]);
    }

    [Fact]
    public async Task Status_OnceFinished_200WithTheLakeViewMergedWithTheInstance()
    {
        ApiResponse status = run.FinalStatus;

        Assert.Equal(200, status.Status);
        Assert.Equal("dataops", status["name"]);
        Assert.Equal(RunId, status["instanceId"]);
        Assert.Equal("Completed", status["runtimeStatus"]);
        Assert.Equal("Succeeded", status["runStatus"]);
        Assert.Null(status.Body!["error"]);
        Assert.Equal("demo", status.Body["input"]!["scope"]!.GetValue<string>());
        Assert.Equal(1, status.Body["input"]!["attempt"]!.GetValue<int>());
        JsonArray nodes = status.Body["nodes"]!.AsArray();
        Assert.Equal(7, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("Succeeded", n!["status"]!.GetValue<string>()));
        Assert.Contains(nodes, n => n!["key"]!.GetValue<string>() == "dataops.returns[us_equity]");
        Assert.Equal(7, status.Body["customStatus"]!["succeeded"]!.GetValue<int>());
        Assert.NotEmpty(status.Body["output"]!["outputs"]!.AsArray());

        // The lake agrees: run.json succeeded and the DataOps hand-off is published.
        RunRecord record = (await run.Harness.RecordAsync(RunId))!;
        Assert.Equal(RunStatus.Succeeded, record.Status);
        Assert.NotNull(await DataHandoffStore.ReadAsync(run.Harness.Lake, LakeIdentifier.Parse("demo", "scope"), LakeIdentifier.Parse("dataops", "pipeline")));
    }

    [Fact]
    public async Task StartAgain_FinishedRunId_409RunExistsSayingToRestartIt()
    {
        ApiResponse again = await run.Harness.StartAsync("dataops", $$"""{ "run_id": "{{RunId}}" }""");

        Assert.Equal(409, again.Status);
        Assert.Equal(ErrorCodes.RunExists.Value, again.Code);
        Assert.Contains("restart", again.Detail, StringComparison.Ordinal);
        Assert.StartsWith(ApiProblem.ContentType, again.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_SucceededRun_409RunSucceeded()
    {
        ApiResponse restart = await run.Harness.RestartAsync(RunId);

        Assert.Equal(409, restart.Status);
        Assert.Equal(ErrorCodes.RunSucceeded.Value, restart.Code);
    }

    [Fact]
    public async Task Terminate_FinishedRun_410RunFinished()
    {
        ApiResponse terminate = await run.Harness.TerminateAsync(RunId, "too late");

        Assert.Equal(410, terminate.Status);
        Assert.Equal(ErrorCodes.RunFinished.Value, terminate.Code);
        Assert.Equal(RunStatus.Succeeded, (await run.Harness.RecordAsync(RunId))!.Status);
    }
}
