using Microsoft.AspNetCore.Http;
using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Tests.Support;

namespace QuantFunctions.Functions.Tests.Api;

/// <summary>
/// The endpoints that start, stop or change runs take exactly what they document: another query parameter, a repeated one or
/// a body where none is taken is a 400 naming it (before, each was silently ignored), checked before the run is looked up.
/// </summary>
public sealed class StrictShapeTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    [Fact]
    public async Task Restart_WithABody_400UnexpectedInput()
    {
        HttpRequest request = Requests.Create("POST", "/api/runs/no-such-run/restart", """{ "params": ["dataops.ingest:base_url=http://10.0.0.1/"] }""");

        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Runs.RestartRun(request, "no-such-run", fixture.Harness.Client, fixture.Harness.Context()));

        Assert.Equal((400, ErrorCodes.UnexpectedInput.Value), (response.Status, response.Code));
        Assert.Contains("POST /api/runs/{id}/restart takes no body (a restart reuses the run's recorded as-of, seed and params)", response.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WithAQueryParameter_400NamingIt()
    {
        HttpRequest request = Requests.Create("POST", "/api/runs/no-such-run/restart", query: new Dictionary<string, string> { ["force"] = "true" });

        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Runs.RestartRun(request, "no-such-run", fixture.Harness.Client, fixture.Harness.Context()));

        Assert.Equal((400, ErrorCodes.UnexpectedInput.Value), (response.Status, response.Code));
        Assert.Contains("Unknown query parameter 'force'", response.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?why=x", null, "Unknown query parameter 'why'")]
    [InlineData("?reason=a&reason=b", null, "Query parameter 'reason' appears 2 times")]
    [InlineData("?reason=a", """{ "reason": "in the body" }""", "takes no body (the reason goes in the query: ?reason=)")]
    public async Task Terminate_UnexpectedInput_400NamingIt(string query, string? body, string message)
    {
        HttpRequest request = Requests.Create("POST", "/api/runs/no-such-run/terminate", body);
        request.QueryString = new QueryString(query);

        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Runs.TerminateRun(request, "no-such-run", fixture.Harness.Client));

        Assert.Equal((400, ErrorCodes.UnexpectedInput.Value), (response.Status, response.Code));
        Assert.Contains(message, response.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_BlankBody_Accepted()
    {
        HttpRequest request = Requests.Create("POST", "/api/runs/no-such-run/terminate", " \r\n");

        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Runs.TerminateRun(request, "no-such-run", fixture.Harness.Client));

        Assert.Equal((404, ErrorCodes.RunNotFound.Value), (response.Status, response.Code));
    }

    [Fact]
    public async Task Start_QueryParameter_400NamingIt()
    {
        HttpRequest request = Requests.Create("POST", "/api/orchestrators/dataops", query: new Dictionary<string, string> { ["as_of"] = "2024-01-02" });

        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Pipelines.StartPipeline(request, "dataops", fixture.Harness.Client, fixture.Harness.Context()));

        Assert.Equal((400, ErrorCodes.UnexpectedInput.Value), (response.Status, response.Code));
        Assert.Contains("Unknown query parameter 'as_of' for POST /api/orchestrators/{pipeline} (it takes: none)", response.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1")]
    [InlineData(":x=1")]
    [InlineData("a/b:c=1")]
    [InlineData("////:x=1")]
    [InlineData("dataops.returns:=1")]
    [InlineData("a:b:c=1")]
    [InlineData("demo/dataops@/dataops.returns:tolerated_missing_sessions=1")]
    [InlineData("dataops.returns:tolerated_missing_sessions=1e999")]
    [InlineData("dataops.returns:tolerated_missing_sessions=99999999999999999999")]
    [InlineData("dataops.returns:tolerated_missing_sessions=null")]
    [InlineData("dataops.returns:tolerated_missing_sessions={\"a\":[1,2]}")]
    [InlineData("dataops.health:toxic_return=NaN")]
    [InlineData("dataops.returns:tolerated_missing_sessions=\u0000\n\u202E")]
    public async Task Start_MalformedOrHostileParams_400NeverAServerError(string assignment)
    {
        string body = System.Text.Json.JsonSerializer.Serialize(new { @params = new[] { assignment } });

        ApiResponse response = await fixture.Harness.StartAsync("dataops", body);

        Assert.Equal(400, response.Status);
        Assert.Contains(response.Code, (string[])[ErrorCodes.BadParams.Value, ErrorCodes.ParamNotOverridable.Value]);
        Assert.Contains("params", response.Detail, StringComparison.Ordinal);
    }
}
