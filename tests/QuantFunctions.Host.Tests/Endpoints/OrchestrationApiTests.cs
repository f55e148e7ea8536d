using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace QuantFunctions.Host.Tests.Endpoints;

/// <summary>The HTTP contract, in process (shapes from Durable Functions' HttpApiHandler, see shared notes §2).</summary>
public sealed class OrchestrationApiTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public OrchestrationApiTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Health_Always_AnswersHealthyWithPipelines()
    {
        using HttpClient client = _factory.CreateClient();
        JsonElement health = await client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Contains("dataops", health.GetProperty("pipelines").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Stages_Always_ListsEveryShippedStageWithItsSchema()
    {
        using HttpClient client = _factory.CreateClient();
        JsonElement stages = await client.GetFromJsonAsync<JsonElement>("/api/stages");
        string[] ids = [.. stages.EnumerateArray().Select(s => s.GetProperty("id").GetString()!)];
        Assert.Equal(13, ids.Length);
        Assert.Contains("dataops.ingest", ids);
        Assert.Contains("meta.aggregate", ids);
        Assert.Contains("dataops.health", ids);
        Assert.Contains("dataops.features", ids);
        Assert.All(stages.EnumerateArray(), s => Assert.Equal(JsonValueKind.Object, s.GetProperty("parameters").ValueKind));
    }

    [Fact]
    public async Task Start_DataOps_Answers202ThenCompletesWithNodeStates()
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new StringContent("""{"run_id":"api-dataops-1","as_of":"2024-01-02T00:00:00Z","seed":42}""", Encoding.UTF8, "application/json");
        HttpResponseMessage start = await client.PostAsync("/api/orchestrators/dataops", body);

        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        JsonElement payload = await start.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("api-dataops-1", payload.GetProperty("id").GetString());
        string statusUri = payload.GetProperty("statusQueryGetUri").GetString()!;
        Assert.EndsWith("/api/runs/api-dataops-1", statusUri, StringComparison.Ordinal);
        Assert.Equal(statusUri, start.Headers.Location!.ToString());
        foreach (string key in new[] { "sendEventPostUri", "terminatePostUri", "purgeHistoryDeleteUri", "restartPostUri", "suspendPostUri", "resumePostUri" })
        {
            Assert.True(payload.TryGetProperty(key, out _), key);
        }

        JsonElement status = await PollUntilDoneAsync(client, "/api/runs/api-dataops-1");
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("dataops", status.GetProperty("name").GetString());
        string[] nodes = [.. status.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("key").GetString() + "=" + n.GetProperty("status").GetString())];
        Assert.Equal(
            ["dataops.synthetic_market=Succeeded", "dataops.health[crypto_spot]=Succeeded", "dataops.health[us_equity]=Succeeded",
             "dataops.returns[crypto_spot]=Succeeded", "dataops.returns[us_equity]=Succeeded",
             "dataops.features[crypto_spot]=Succeeded", "dataops.features[us_equity]=Succeeded"],
            nodes);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", status.GetProperty("createdTime").GetString()!);
        Assert.True(status.GetProperty("output").GetProperty("outputs").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Status_UnknownRun_Is404()
    {
        using HttpClient client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/runs/never-started")).StatusCode);
    }

    [Theory]
    [InlineData("/api/orchestrators/nope", "{}", "unknown pipeline 'nope'")]
    [InlineData("/api/orchestrators/dataops", "{not json", "malformed JSON")]
    [InlineData("/api/orchestrators/dataops", """{"surprise":1}""", "malformed JSON")]
    [InlineData("/api/orchestrators/dataops", """{"run_id":"Bad Id"}""", "Invalid run id")]
    public async Task Start_BadRequest_Is400WithAClearMessage(string route, string json, string fragment)
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        HttpResponseMessage response = await client.PostAsync(route, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(fragment, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OversizedBody_Is400()
    {
        using HttpClient client = _factory.CreateClient();
        using var body = new StringContent("{\"params\":[\"" + new string('x', 4000) + "\"]}", Encoding.UTF8, "application/json");
        HttpResponseMessage response = await client.PostAsync("/api/orchestrators/dataops", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("exceeds the limit of 1024", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataOpsTimerInvocation_HostPayload_StartsDataOpsAndAnswersInvocationResult()
    {
        using HttpClient client = _factory.CreateClient();
        // The payload shape the Functions host posts for a timer trigger (shared notes §1.4).
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"DataOpsTimer","UtcNow":"2026-11-21T22:30:00Z","RandGuid":"0f8fad5b-d9cb-469f-a165-70867728950e"}}}
            """;
        using var body = new StringContent(payload, Encoding.UTF8, "application/json");
        HttpResponseMessage response = await client.PostAsync("/DataOpsTimer", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, result.GetProperty("Outputs").ValueKind);
        Assert.Contains("DataOps timer started", result.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        string runId = result.GetProperty("ReturnValue").GetProperty("runs")[0].GetString()!;
        JsonElement status = await PollUntilDoneAsync(client, "/api/runs/" + runId);
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
    }

    internal static async Task<JsonElement> PollUntilDoneAsync(HttpClient client, string uri)
    {
        for (int i = 0; i < 600; i++)
        {
            HttpResponseMessage response = await client.GetAsync(uri);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.NotNull(response.Headers.Location);
            Assert.NotNull(response.Headers.RetryAfter);
            await Task.Delay(100);
        }

        throw new TimeoutException($"{uri} did not finish in 60 s");
    }
}
