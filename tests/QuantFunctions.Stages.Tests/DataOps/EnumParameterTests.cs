using System.Text.Json.Nodes;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>Closed sets of values are enums bound from the manifest's strings, exactly as spelled before (case-sensitive).</summary>
public sealed class EnumParameterTests
{
    private static readonly StageRegistry Registry = new StageRegistryBuilder().AddQuantStages().Build();

    [Fact]
    public void BindParameters_ManifestSpellings_BindToEnums()
    {
        var bound = (IngestParameters)Registry.Get(IngestStage.Id).BindParameters(new JsonObject
        {
            ["source"] = "files", ["path"] = "/data", ["discovery"] = "provider", ["universe"] = "perp", ["coverage_policy"] = "fail", ["layout"] = "per_symbol",
        });
        var health = (HealthParameters)Registry.Get(HealthStage.Id).BindParameters(new JsonObject { ["calendar_policy"] = "strict" });

        Assert.Equal((IngestSource.Files, CandidateDiscovery.Provider, UniversePreset.Perp, CoveragePolicy.Fail, OhlcvLayout.PerSymbol),
            (bound.Source, bound.Discovery, bound.Universe, bound.CoveragePolicy, bound.Layout));
        Assert.Equal(CalendarPolicy.Strict, health.CalendarPolicy);
    }

    [Theory]
    [InlineData("coverage_policy", "\"Fail\"", "warn, fail")]
    [InlineData("source", "\"http\"", "synthetic, files, binance")]
    [InlineData("universe", "1", "spot, perp, all")]
    [InlineData("layout", "\"perSymbol\"", "per_symbol, long")]
    public void Plan_UnknownEnumValue_IsAManifestErrorNamingNodeParameterAndAllowedValues(string parameter, string value, string allowed)
    {
        string json = $$"""
            { "id": "p", "version": "1.0.0", "scope": "demo", "kind": "data",
              "nodes": [ { "id": "dataops.ingest", "stage": "dataops.ingest", "params": { "{{parameter}}": {{value}} } } ] }
            """;

        var ex = Assert.Throws<ManifestValidationException>(() => new ManifestLoader(Registry).Parse(json, "inline.json"));

        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal((ManifestErrorCode.InvalidParameter, "dataops.ingest"), (error.Code, error.Node));
        Assert.Contains($"'{parameter}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OverrideWithUnknownEnumValue_IsRefusedBeforeAnythingRuns()
    {
        PipelineManifest manifest = new ManifestLoader(Registry).Parse("""
            { "id": "p", "version": "1.0.0", "scope": "demo", "kind": "data",
              "nodes": [ { "id": "dataops.health", "stage": "dataops.health", "params": { "universe": "u", "markets": { "u": "m" }, "calendars": { "u": "XNYS" } } } ] }
            """, "inline.json");

        var ex = Assert.Throws<ManifestValidationException>(() => ExecutionPlan.Create(manifest, Registry, ParameterOverrides.Parse(["dataops.health:calendar_policy=STRICT"])));

        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal((ManifestErrorCode.InvalidParameter, "dataops.health"), (error.Code, error.Node));
        Assert.Contains("lenient, strict", error.Message, StringComparison.Ordinal);
        Assert.Contains("(from override 'dataops.health:calendar_policy=STRICT')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetParameterSchema_EnumParameter_ListsItsValues()
    {
        JsonObject property = Registry.Get(IngestStage.Id).GetParameterSchema()["properties"]!["coverage_policy"]!.AsObject();

        Assert.Equal("string", property["type"]!.GetValue<string>());
        Assert.Equal(["warn", "fail"], property["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("warn", property["default"]!.GetValue<string>());
        Assert.True(property["x-overridable"]!.GetValue<bool>());
    }

    [Fact]
    public void ParameterEnum_Name_IsTheManifestSpelling()
    {
        Assert.Equal(("per_symbol", "all", "lenient"), (ParameterEnum.Name(OhlcvLayout.PerSymbol), ParameterEnum.Name(UniversePreset.All), ParameterEnum.Name(CalendarPolicy.Lenient)));
    }
}
