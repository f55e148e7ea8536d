using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuantFunctions.Host.Runs;
using QuantFunctions.Host.Tests.Endpoints;
using QuantFunctions.Host.Tests.Functions;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Stages.Hosting;
using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Runs;

/// <summary>
/// QF_RUNNER=queue over a blob lake on Azurite: HTTP and timer starts record the run and enqueue its ready nodes, nothing
/// executes in the Host process; the test plays the Functions host's <c>ExecuteNode</c> queue trigger to drive the run.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueueRunnerModeTests(AzuriteFixture azurite)
{
    private const string AsOf = "2024-01-03T00:00:00Z";

    // The demo meta pipeline: 4 sleeves × 6 per-sleeve nodes + meta.aggregate, report.meta, meta.orders; alpha.select[*] are the roots.
    private const int MetaNodes = 27;

    [Fact]
    public async Task Start_QueueRunner_EnqueuesTheReadyNodesExecutesNothingInProcessAndCompletesThroughExecuteNode()
    {
        using BlobHostFactory factory = QueueHost(out string queueName);
        using HttpClient client = factory.CreateClient();
        await RunDataOpsInProcessAsync(factory);

        using HttpResponseMessage start = await StartMetaAsync(client, "meta-q1");

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        Assert.EndsWith("/api/runs/meta-q1", start.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("meta-q1", (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        RunRecord run = (await LoadAsync(factory, "meta-q1"))!;
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal(1, run.Attempt);
        Assert.Equal(MetaNodes, run.Nodes.Count);
        Assert.All(run.Nodes, n => Assert.True(n.Status == NodeStatus.Pending && n.Attempts == 0, $"{n.Node} is {n.Status} after {n.Attempts} attempt(s)"));
        QueueRunner runner = factory.Services.GetRequiredService<QueueRunner>();
        Assert.Equal(queueName, runner.Queue.Name);
        Assert.Equal(
            ["alpha.select[crypto_long]@1", "alpha.select[crypto_short]@1", "alpha.select[equity_long]@1", "alpha.select[equity_short]@1"],
            await QueuedAsync(runner));
        Assert.Null((await factory.Services.GetRequiredService<RunLauncher>().FindAsync("meta-q1")).Active);

        // Running, with nothing of it in this process: the status comes from run.json alone.
        using HttpResponseMessage running = await client.GetAsync("/api/runs/meta-q1");
        Assert.Equal(HttpStatusCode.Accepted, running.StatusCode);
        Assert.Equal("Running", (await running.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runtimeStatus").GetString());

        IReadOnlyList<ExecuteNodeDriver.Handled> handled = await ExecuteNodeDriver.DrainAsync(client, runner.Queue, () => IsFinishedAsync(factory, "meta-q1"));

        Assert.Equal(MetaNodes, handled.Count);
        Assert.All(handled, h => Assert.Equal((nameof(NodeOutcome.Executed), 1), (h.Outcome, h.Attempt)));
        JsonElement status = await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/meta-q1");
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.True(status.GetProperty("output").GetProperty("outputs").GetArrayLength() > 0);
    }

    [Fact]
    public async Task TerminateThenResume_QueuedRun_CancelsWithTheReasonRunsNothingThenCompletesAsAttempt2()
    {
        using BlobHostFactory factory = QueueHost(out _);
        using HttpClient client = factory.CreateClient();
        await RunDataOpsInProcessAsync(factory);
        QueueRunner runner = factory.Services.GetRequiredService<QueueRunner>();
        using HttpResponseMessage start = await StartMetaAsync(client, "meta-q2");
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);

        using HttpResponseMessage terminate = await client.PostAsync("/api/runs/meta-q2/terminate?reason=operator%20stop", null);

        Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        RunRecord cancelled = (await LoadAsync(factory, "meta-q2"))!;
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("operator stop", cancelled.Error!.Message);
        JsonElement terminated = await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/meta-q2");
        Assert.Equal("Terminated", terminated.GetProperty("runtimeStatus").GetString());
        Assert.Equal("operator stop", terminated.GetProperty("output").GetProperty("error").GetString());
        await AssertProblemAsync(client, "/api/runs/meta-q2/terminate", HttpStatusCode.Gone, "already finished (Terminated)");

        // The workers get the four messages of the cancelled run and run none of them.
        IReadOnlyList<ExecuteNodeDriver.Handled> dropped = await ExecuteNodeDriver.DrainAsync(client, runner.Queue, () => Task.FromResult(true));
        Assert.Equal(4, dropped.Count);
        Assert.All(dropped, h => Assert.Equal(nameof(NodeOutcome.RunFinished), h.Outcome));
        Assert.All((await LoadAsync(factory, "meta-q2"))!.Nodes, n => Assert.Equal(0, n.Attempts));

        using HttpResponseMessage resume = await client.PostAsync("/api/runs/meta-q2/resume", null);

        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        Assert.EndsWith("/api/runs/meta-q2", resume.Headers.Location!.ToString(), StringComparison.Ordinal);
        RunRecord resumed = (await LoadAsync(factory, "meta-q2"))!;
        Assert.Equal((RunStatus.Running, 2), (resumed.Status, resumed.Attempt));
        Assert.Equal(4, (await QueuedAsync(runner)).Count(m => m.EndsWith("@2", StringComparison.Ordinal)));
        IReadOnlyList<ExecuteNodeDriver.Handled> handled = await ExecuteNodeDriver.DrainAsync(client, runner.Queue, () => IsFinishedAsync(factory, "meta-q2"));
        Assert.Equal(MetaNodes, handled.Count);
        Assert.All(handled, h => Assert.Equal((nameof(NodeOutcome.Executed), 2), (h.Outcome, h.Attempt)));
        JsonElement completed = await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/meta-q2");
        Assert.Equal("Completed", completed.GetProperty("runtimeStatus").GetString());
        Assert.Equal(2, (await LoadAsync(factory, "meta-q2"))!.Attempt);
        await AssertProblemAsync(client, "/api/runs/meta-q2/resume", HttpStatusCode.Conflict, "already completed");
    }

    [Fact]
    public async Task DataOpsTimerInvocation_QueueRunner_EnqueuesTheScheduledRunForTheWorkers()
    {
        using BlobHostFactory factory = QueueHost(out _);
        using HttpClient client = factory.CreateClient();
        QueueRunner runner = factory.Services.GetRequiredService<QueueRunner>();
        // The timer-trigger payload of the Functions host, fired at the demo dataops schedule (0 30 22 * * *).
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"DataOpsTimer","UtcNow":"2026-11-21T22:30:00Z","RandGuid":"0f8fad5b-d9cb-469f-a165-70867728950e"}}}
            """;
        using var body = new StringContent(payload, Encoding.UTF8, "application/json");

        using HttpResponseMessage response = await client.PostAsync("/DataOpsTimer", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ReturnValue").GetProperty("runs")[0].GetString()!;
        RunRecord run = (await LoadAsync(factory, runId))!;
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.All(run.Nodes, n => Assert.Equal(0, n.Attempts));
        Assert.NotEmpty(await QueuedAsync(runner));
        IReadOnlyList<ExecuteNodeDriver.Handled> handled = await ExecuteNodeDriver.DrainAsync(client, runner.Queue, () => IsFinishedAsync(factory, runId));
        Assert.Equal(run.Nodes.Count, handled.Count);
        Assert.Equal(RunStatus.Succeeded, (await LoadAsync(factory, runId))!.Status);
    }

    [Fact]
    public async Task Start_QueueUnreachable_Answers202AndTheStatusReportsTheFailedStart()
    {
        // The blob lake is up; the queue endpoint is a closed port, so recording the start fails after the storage retries.
        string connection = azurite.ConnectionString.Replace(azurite.QueueEndpoint.ToString(), "http://127.0.0.1:9/devstoreaccount1", StringComparison.Ordinal);
        Assert.NotEqual(azurite.ConnectionString, connection);
        using var factory = new BlobHostFactory(connection, azurite.UniqueName("lake"), new Dictionary<string, string> { ["QF_RUNNER"] = "queue" });
        using HttpClient client = factory.CreateClient();

        using HttpResponseMessage start = await StartMetaAsync(client, "meta-down");

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        using HttpResponseMessage status = await client.GetAsync("/api/runs/meta-down");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        JsonElement body = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Failed", body.GetProperty("runtimeStatus").GetString());
        Assert.Contains("failed after", body.GetProperty("output").GetProperty("error").GetString(), StringComparison.Ordinal);
        await AssertProblemAsync(client, "/api/runs/meta-down/resume", HttpStatusCode.NotFound, "its start failed");
    }

    [Fact]
    public async Task TerminateAndResume_LocalRunnerRunLeftRunning_Terminate409ThenResumeCompletesInProcess()
    {
        // QF_RUNNER unset (local) over the blob lake: a run recorded Running that no process executes (here: enqueued by
        // a queue runner whose workers never came, as after a crash) cannot be cancelled in process, but can be resumed.
        using var factory = new BlobHostFactory(azurite.ConnectionString, azurite.UniqueName("lake"));
        using HttpClient client = factory.CreateClient();
        await RunDataOpsInProcessAsync(factory);
        await factory.Services.GetRequiredService<QueueRunner>().StartAsync(new RunRequest
        {
            Manifest = factory.Services.GetRequiredService<PipelineCatalog>().Find("meta")!,
            RunId = "meta-left",
            Settings = new RunSettings { AsOf = DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture), Seed = 42 },
        });

        await AssertProblemAsync(client, "/api/runs/meta-left/terminate", HttpStatusCode.Conflict, "not executing in this Host");
        using HttpResponseMessage resume = await client.PostAsync("/api/runs/meta-left/resume", null);

        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        JsonElement completed = await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/meta-left");
        Assert.Equal("Completed", completed.GetProperty("runtimeStatus").GetString());
        Assert.Equal(MetaNodes, completed.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task TerminateAndResume_UnknownRun_Are404()
    {
        using BlobHostFactory factory = QueueHost(out _);
        using HttpClient client = factory.CreateClient();

        await AssertProblemAsync(client, "/api/runs/never-started/terminate?reason=x", HttpStatusCode.NotFound, "no run 'never-started'");
        await AssertProblemAsync(client, "/api/runs/never-started/resume", HttpStatusCode.NotFound, "no run 'never-started'");
    }

    internal static async Task AssertProblemAsync(HttpClient client, string uri, HttpStatusCode expected, string fragment)
    {
        using HttpResponseMessage response = await client.PostAsync(uri, null);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{uri}: {(int)response.StatusCode} {text}");
        Assert.Contains(fragment, text, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> StartMetaAsync(HttpClient client, string runId)
    {
        using var body = new StringContent($$"""{"run_id":"{{runId}}","as_of":"{{AsOf}}"}""", Encoding.UTF8, "application/json");
        return await client.PostAsync("/api/orchestrators/meta", body);
    }

    private static async Task<RunRecord?> LoadAsync(BlobHostFactory factory, string runId) =>
        await factory.Services.GetRequiredService<PipelineRuntime>().Runner.Store.TryLoadAsync("demo", runId);

    private static async Task<bool> IsFinishedAsync(BlobHostFactory factory, string runId) =>
        (await LoadAsync(factory, runId))!.Status.IsFinished();

    // The visible messages, as node@attempt, sorted.
    private static async Task<IReadOnlyList<string>> QueuedAsync(QueueRunner runner)
    {
        IReadOnlyList<QuantFunctions.Lake.Azure.QueueMessage> peeked = await runner.Queue.PeekMessagesAsync(32);
        return [.. peeked.Select(m => NodeMessage.Parse(m.Text!)).Select(m => $"{m.Node}@{m.Attempt}").Order(StringComparer.Ordinal)];
    }

    // The DataOps hand-off the meta pipeline reads, produced by the in-process local runner over the same blob lake.
    private static async Task RunDataOpsInProcessAsync(BlobHostFactory factory)
    {
        PipelineRuntime runtime = factory.Services.GetRequiredService<PipelineRuntime>();
        RunRecord dataops = await runtime.Runner.RunAsync(new RunRequest
        {
            Manifest = factory.Services.GetRequiredService<PipelineCatalog>().Find("dataops")!,
            RunId = "dataops-local",
            Settings = new RunSettings { AsOf = DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture), Seed = 42 },
        });
        Assert.Equal(RunStatus.Succeeded, dataops.Status);
    }

    private BlobHostFactory QueueHost(out string queueName)
    {
        queueName = azurite.UniqueName("nodes");
        return new BlobHostFactory(azurite.ConnectionString, azurite.UniqueName("lake"), new Dictionary<string, string>
        {
            ["QF_RUNNER"] = "queue",
            ["QF_WORK_QUEUE"] = queueName,
            ["QF_MAX_PARALLELISM"] = "2",
        });
    }
}
