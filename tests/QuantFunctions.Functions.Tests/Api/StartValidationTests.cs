using Microsoft.DurableTask.Client;
using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Tests.Support;

namespace QuantFunctions.Functions.Tests.Api;

/// <summary>Every bad start request is a 400 problem with its code and the field named — never a 500, never a scheduled instance.</summary>
public sealed class StartValidationTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    public static TheoryData<string, string?, string, string> BadStarts() => new()
    {
        { "nosuch", null, ErrorCodes.UnknownPipeline.Value, "'nosuch'" },
        { "nosuch", null, ErrorCodes.UnknownPipeline.Value, "dataops, dataops_crypto_spot, dataops_us_equity, market_neutral, meta, paper, paper_resume, selection_v21, selection_v32, selection_v4, selection_v5, selection_v51, sleeve, sleeve_us_equity, tournament" },
        { "dataops", """{ "as_of": "yesterday" }""", ErrorCodes.BadAsOf.Value, "as_of 'yesterday'" },
        { "dataops", """{ "as_of": "2024-01-02T00:00:00" }""", ErrorCodes.BadAsOf.Value, "as_of" },
        { "dataops", """{ "as_of": 20240102 }""", ErrorCodes.BadAsOf.Value, "as_of" },
        { "dataops", """{ "params": ["noequals"] }""", ErrorCodes.BadParams.Value, "'noequals'" },
        { "dataops", """{ "params": "dataops.returns:x=1" }""", ErrorCodes.BadParams.Value, "params must be an array" },
        { "dataops", """{ "params": [1] }""", ErrorCodes.BadParams.Value, "params[0]" },
        { "dataops", """{ "params": ["nosuch.stage:x=1"] }""", ErrorCodes.BadParams.Value, "unknown stage 'nosuch.stage'" },
        { "dataops", """{ "params": ["alpha.select:top_n=5"] }""", ErrorCodes.BadParams.Value, "applies to no node of pipeline demo/dataops" },
        { "dataops", """{ "params": ["dataops.returns:bogus=1"] }""", ErrorCodes.BadParams.Value, "bogus" },
        { "dataops", """{ "params": ["universes=42"] }""", ErrorCodes.ParamNotOverridable.Value, "pipeline parameter 'universes'" },
        { "dataops", """{ "params": ["universes=[\"crypto_spot\"]"] }""", ErrorCodes.ParamNotOverridable.Value, "pipeline parameter 'universes' is fixed by the manifest" },
        { "dataops_crypto_spot", """{ "params": ["dataops.ingest:source=binance", "dataops.ingest:base_url=http://127.0.0.1:9/x"] }""", ErrorCodes.ParamNotOverridable.Value, "parameter 'base_url' of stage 'dataops.ingest' is fixed" },
        { "dataops_crypto_spot", """{ "params": ["dataops.ingest:source=files", "dataops.ingest:path=/etc/passwd"] }""", ErrorCodes.ParamNotOverridable.Value, "parameter 'path'" },
        { "dataops_crypto_spot", """{ "params": ["dataops.ingest:source=files"] }""", ErrorCodes.ParamNotOverridable.Value, "parameter 'source'" },
        { "dataops_crypto_spot", """{ "params": ["dataops.ingest:discovery=screener", "dataops.ingest:screener_url=http://10.0.0.1/"] }""", ErrorCodes.ParamNotOverridable.Value, "'screener_url'" },
        { "dataops_crypto_spot", """{ "params": ["crypto/dataops_crypto_spot/dataops.health:markets={\"x\":\"y\"}"] }""", ErrorCodes.ParamNotOverridable.Value, "parameter 'markets'" },
        { "dataops_crypto_spot", """{ "params": ["dataops.ingest:max_retries=11"] }""", ErrorCodes.BadParams.Value, "max_retries" },
        { "meta", """{ "params": ["alpha.allocate:engine=nosuch"] }""", ErrorCodes.BadParams.Value, "engine" },
        { "meta", """{ "params": ["alpha.select:source_scope=other"] }""", ErrorCodes.ParamNotOverridable.Value, "'source_scope'" },
        { "meta", """{ "set": { "colour": "red" } }""", ErrorCodes.BadSet.Value, "unknown parameter 'colour' (declared: meta, meta_periods_per_year, sleeves)" },
        { "meta", """{ "set": { "meta_periods_per_year": "often" } }""", ErrorCodes.BadSet.Value, "parameter 'meta_periods_per_year' must be an integer, got 'often'" },
        { "meta", """{ "set": "meta_periods_per_year=365" }""", ErrorCodes.BadSet.Value, "set must be an object" },
        { "meta", """{ "set": { "meta": "other" } }""", ErrorCodes.ParamNotOverridable.Value, "parameter 'meta' is fixed by the manifest for remote callers" },
        { "meta", """{ "set": { "sleeves": "crypto_long" } }""", ErrorCodes.ParamNotOverridable.Value, "node 'alpha.select' fans out over it" },
        { "sleeve", """{ "set": { "sleeve": "equity_long" } }""", ErrorCodes.ParamNotOverridable.Value, "it sets 'sleeve' of node 'alpha.select'" },
        { "sleeve", """{ "set": { "sleeve": "equity" } }""", ErrorCodes.BadSet.Value, "must be one of crypto_long, crypto_short, equity_long, equity_short" },
        { "dataops", """{ "as_of": "2024-01-02T00:00:00Z", "asof": "x" }""", ErrorCodes.BadJson.Value, "Unknown member 'asof'" },
        { "dataops", """{ "seed": 1, "seed": 2 }""", ErrorCodes.BadJson.Value, "'seed' appears more than once" },
        { "dataops", """[1, 2]""", ErrorCodes.BadJson.Value, "JSON object" },
        { "dataops", """{ "as_of": """, ErrorCodes.BadJson.Value, "not valid JSON" },
        { "dataops", """{ "seed": "x" }""", ErrorCodes.BadSeed.Value, "seed" },
        { "dataops", """{ "seed": 1.5 }""", ErrorCodes.BadSeed.Value, "seed" },
        { "dataops", """{ "run_id": "Bad Id" }""", ErrorCodes.BadRunId.Value, "run_id 'Bad Id'" },
        { "dataops", """{ "run_id": 7 }""", ErrorCodes.BadRunId.Value, "run_id" },
    };

    [Theory]
    [MemberData(nameof(BadStarts))]
    public async Task Start_BadInput_400WithCodeNamingTheField(string pipeline, string? body, string code, string named)
    {
        ApiResponse response = await fixture.Harness.StartAsync(pipeline, body);

        Assert.Equal(400, response.Status);
        Assert.Equal(code, response.Code);
        Assert.Contains(named, response.Detail, StringComparison.Ordinal);
        Assert.StartsWith(ApiProblem.ContentType, response.ContentType, StringComparison.Ordinal);
        Assert.Equal(400, response.Body!["status"]!.GetValue<int>());
        await AssertNothingScheduledAsync();
    }

    [Fact]
    public async Task Start_BodyOverTheLimit_400BodyTooLarge()
    {
        string body = $$"""{ "params": ["{{new string('x', 70_000)}}=1"] }""";

        ApiResponse response = await fixture.Harness.StartAsync("dataops", body);

        Assert.Equal(400, response.Status);
        Assert.Equal(ErrorCodes.BodyTooLarge.Value, response.Code);
        Assert.Contains("65536", response.Detail, StringComparison.Ordinal);
        await AssertNothingScheduledAsync();
    }

    [Fact]
    public async Task Start_BodyOverTheLimitWithoutContentLength_400BodyTooLarge()
    {
        var request = Requests.Create("POST", "/api/orchestrators/dataops", new string(' ', 70_000) + "{}");
        request.ContentLength = null; // chunked: the limit holds while reading

        ApiResponse response = await fixture.Harness.ExecuteAsync(
            fixture.Harness.Pipelines.StartPipeline(request, "dataops", fixture.Harness.Client, fixture.Harness.Context()));

        Assert.Equal(ErrorCodes.BodyTooLarge.Value, response.Code);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("TERMINATE")]
    [InlineData("RESTART")]
    public async Task UnknownRun_404RunNotFound(string call)
    {
        FunctionsHarness h = fixture.Harness;
        ApiResponse response = call switch
        {
            "GET" => await h.StatusAsync("no-such-run"),
            "TERMINATE" => await h.TerminateAsync("no-such-run", "why"),
            _ => await h.RestartAsync("no-such-run"),
        };

        Assert.Equal(404, response.Status);
        Assert.Equal(ErrorCodes.RunNotFound.Value, response.Code);
        Assert.Contains("'no-such-run'", response.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_MalformedRunId_400BadRunId()
    {
        ApiResponse response = await fixture.Harness.StatusAsync("Not:A:Run");

        Assert.Equal(400, response.Status);
        Assert.Equal(ErrorCodes.BadRunId.Value, response.Code);
    }

    [Fact]
    public async Task Terminate_ReasonTooLong_400BadReason()
    {
        ApiResponse response = await fixture.Harness.TerminateAsync("no-such-run", new string('r', TerminateReason.MaxLength + 1));

        Assert.Equal(400, response.Status);
        Assert.Equal(ErrorCodes.BadReason.Value, response.Code);
        Assert.Contains("501", response.Detail, StringComparison.Ordinal);
    }

    private async Task AssertNothingScheduledAsync()
    {
        await foreach (OrchestrationMetadata instance in fixture.Harness.Client.GetAllInstancesAsync())
        {
            Assert.Fail($"no instance should exist, found {instance.InstanceId}");
        }
    }
}
