using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using QuantFunctions.Functions.Api;
using QuantFunctions.Functions.Tests.Support;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Functions.Tests.Api;

/// <summary><c>GET /api/stages</c>, <c>GET /api/pipelines</c> and <c>GET /api/health</c>.</summary>
public sealed class CatalogApiTests(HarnessFixture fixture) : IClassFixture<HarnessFixture>
{
    [Fact]
    public async Task ListStages_EveryRegisteredStageWithKindAndParameters()
    {
        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Catalog.ListStages(Requests.Create("GET", "/api/stages")));

        Assert.Equal(200, response.Status);
        JsonArray stages = response.Body!.AsArray();
        List<string> ids = [.. stages.Select(s => s!["id"]!.GetValue<string>())];
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        JsonNode select = stages.Single(s => s!["id"]!.GetValue<string>() == "alpha.select")!;
        Assert.Equal("model", select["kind"]!.GetValue<string>());
        Assert.Contains("source_pipeline", select["parameters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(select["description"]!.GetValue<string>()));
        Assert.Equal("data", stages.Single(s => s!["id"]!.GetValue<string>() == "dataops.synthetic_market")!["kind"]!.GetValue<string>());
        Assert.Empty(select["overridable"]!.AsArray());
        JsonNode ingest = stages.Single(s => s!["id"]!.GetValue<string>() == "dataops.ingest")!;
        Assert.Equal(["coverage_policy", "freshness_days", "max_retries", "max_symbols", "rounds", "strict", "universe"], ingest["overridable"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task ListPipelines_TheCatalogWithKindsAndSchedules()
    {
        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Catalog.ListPipelines(Requests.Create("GET", "/api/pipelines")));

        Assert.Equal(200, response.Status);
        Dictionary<string, JsonNode> pipelines = response.Body!.AsArray().ToDictionary(p => p!["id"]!.GetValue<string>(), p => p!);
        Assert.Equal(["dataops", "dataops_crypto_spot", "dataops_us_equity", "market_neutral", "meta", "paper", "paper_resume", "selection_v21", "selection_v32", "selection_v4", "selection_v5", "selection_v51", "sleeve", "sleeve_us_equity", "tournament"], pipelines.Keys);
        JsonNode dataops = pipelines["dataops"];
        Assert.Equal(("demo", "1.0.0", "data"), (dataops["scope"]!.GetValue<string>(), dataops["version"]!.GetValue<string>(), dataops["kind"]!.GetValue<string>()));
        Assert.Equal("0 30 22 * * *", dataops["schedule"]!.GetValue<string>());
        Assert.Equal("0 30 22 * * *", dataops["timerSchedule"]!.GetValue<string>());
        Assert.Equal("model", pipelines["meta"]["kind"]!.GetValue<string>());
        Assert.Null(pipelines["meta"]["timerSchedule"]);

        // The declared parameters, what a start body's "set" may name (manifests/demo/sleeve declares four; sleeve is an enum).
        JsonArray sleeveParameters = pipelines["sleeve"]["parameters"]!.AsArray();
        Assert.Equal(["sleeve", "source_pipeline", "source_scope", "source_version"], sleeveParameters.Select(p => p!["name"]!.GetValue<string>()));
        JsonNode sleeve = sleeveParameters[0]!;
        Assert.Equal("enum", sleeve["type"]!.GetValue<string>());
        Assert.Equal(["crypto_long", "crypto_short", "equity_long", "equity_short"], sleeve["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Contains(sleeve["default"]!.GetValue<string>(), sleeve["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("int", pipelines["meta"]["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "meta_periods_per_year")!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_LakeReachable_200Healthy()
    {
        ApiResponse response = await fixture.Harness.ExecuteAsync(fixture.Harness.Catalog.Health(Requests.Create("GET", "/api/health")));

        Assert.Equal(200, response.Status);
        Assert.Equal("Healthy", response["status"]);
        Assert.True(response.Body!["lakeReachable"]!.GetValue<bool>());
        Assert.Equal("file: reachable", response["lake"]);
        Assert.Equal(15, response.Body["pipelines"]!.GetValue<int>());
        Assert.True(response.Body["stages"]!.GetValue<int>() > 10);
    }

    [Fact]
    public async Task Health_LakeUnreachable_503WithoutTheErrorText()
    {
        IServiceProvider services = fixture.Harness.Services;
        CatalogApi api = ActivatorUtilities.CreateInstance<CatalogApi>(services, (ILakeStore)new UnreachableLake());

        ApiResponse response = await fixture.Harness.ExecuteAsync(api.Health(Requests.Create("GET", "/api/health")));

        Assert.Equal(503, response.Status);
        Assert.Equal("Unhealthy", response["status"]);
        Assert.False(response.Body!["lakeReachable"]!.GetValue<bool>());
        Assert.EndsWith(": IOException", response["lake"], StringComparison.Ordinal);
        Assert.DoesNotContain("secret", response.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_LakeSilent_503TimeoutOnceTheProbeDeadlinePassesOnTheClock()
    {
        var time = new ObservableTimeProvider();
        CatalogApi api = ActivatorUtilities.CreateInstance<CatalogApi>(fixture.Harness.Services, (ILakeStore)new UnreachableLake(silent: true), (TimeProvider)time);
        Task<IActionResult> health = api.Health(Requests.Create("GET", "/api/health"));

        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        Assert.False(health.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        ApiResponse response = await fixture.Harness.ExecuteAsync(health);

        Assert.Equal(503, response.Status);
        Assert.Equal("file: timeout", response["lake"]);
    }
}
