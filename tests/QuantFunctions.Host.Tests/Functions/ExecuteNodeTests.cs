using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Host.Tests.Endpoints;

namespace QuantFunctions.Host.Tests.Functions;

/// <summary>Contract tests of <c>POST /ExecuteNode</c> that need no storage: bad payloads and a file lake.</summary>
public sealed class ExecuteNodeTests(HostFactory factory) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task ExecuteNode_ItemNotJson_Returns400WithLog()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.PostAsync(
            "/ExecuteNode", JsonContent(ExecuteNodePayload.Create(JsonValue.Create("not json")!, "m1", 1)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonObject body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("malformed node message", body["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("message m1, delivery 1", body["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteNode_MessageWithoutNode_Returns400NamingTheField()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.PostAsync(
            "/ExecuteNode", JsonContent(ExecuteNodePayload.Create(JsonValue.Create("""{"run_id":"r1","scope":"demo","attempt":1}""")!, "m2", 2)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'node'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteNode_FileLake_Returns500SayingTheBlobLakeIsNeeded()
    {
        using HttpClient client = factory.CreateClient();
        using HttpResponseMessage response = await client.PostAsync(
            "/ExecuteNode", JsonContent(ExecuteNodePayload.Create(JsonValue.Create("""{"run_id":"r1","scope":"demo","node":"ingest","attempt":1}""")!, "m3", 1)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        JsonObject body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("QF_LAKE=blob", body["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(body["ReturnValue"]!["error"]);
    }

    private static StringContent JsonContent(JsonObject payload) => new(payload.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
