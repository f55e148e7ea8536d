using System.Net;
using System.Text;
using System.Text.Json;
using QuantFunctions.Host.Tests.Runs;

namespace QuantFunctions.Host.Tests.Endpoints;

/// <summary>Terminate and resume with the local runner (QF_RUNNER unset): runs execute in the Host process.</summary>
public sealed class RunControlApiTests
{
    [Fact]
    public async Task Resume_MetaRunThatFailedForWantOfTheDataOpsHandoff_CompletesOnceDataOpsRan()
    {
        using var factory = new HostFactory(); // a fresh lake: no DataOps hand-off yet
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage start = await QueueRunnerModeTests.StartMetaAsync(client, "meta-l1");
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        JsonElement failed = await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/meta-l1");
        Assert.Equal("Failed", failed.GetProperty("runtimeStatus").GetString());
        Assert.Contains(failed.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("key").GetString()!.StartsWith("alpha.select[", StringComparison.Ordinal) && n.GetProperty("status").GetString() == "Failed");
        await QueueRunnerModeTests.AssertProblemAsync(client, "/api/runs/meta-l1/terminate?reason=late", HttpStatusCode.Gone, "already finished (Failed)");
        using var dataops = new StringContent("""{"run_id":"dataops-l1","as_of":"2024-01-03T00:00:00Z"}""", Encoding.UTF8, "application/json");
        using HttpResponseMessage dataopsStart = await client.PostAsync("/api/orchestrators/dataops", dataops);
        Assert.Equal("Completed", (await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/dataops-l1")).GetProperty("runtimeStatus").GetString());

        using HttpResponseMessage resume = await client.PostAsync("/api/runs/meta-l1/resume", null);

        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        Assert.EndsWith("/api/runs/meta-l1", resume.Headers.Location!.ToString(), StringComparison.Ordinal);
        JsonElement completed = await OrchestrationApiTests.PollUntilDoneAsync(client, "/api/runs/meta-l1");
        Assert.Equal("Completed", completed.GetProperty("runtimeStatus").GetString());
        Assert.All(completed.GetProperty("nodes").EnumerateArray(), n => Assert.Equal("Succeeded", n.GetProperty("status").GetString()));
        await QueueRunnerModeTests.AssertProblemAsync(client, "/api/runs/meta-l1/resume", HttpStatusCode.Conflict, "already completed");
    }

    [Fact]
    public async Task TerminateAndResume_UnknownRun_Are404()
    {
        using var factory = new HostFactory();
        using HttpClient client = factory.CreateClient();

        await QueueRunnerModeTests.AssertProblemAsync(client, "/api/runs/never-started/terminate?reason=x", HttpStatusCode.NotFound, "no run 'never-started'");
        await QueueRunnerModeTests.AssertProblemAsync(client, "/api/runs/never-started/resume", HttpStatusCode.NotFound, "no run 'never-started'");
    }
}
