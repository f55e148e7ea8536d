using System.Text.Json.Nodes;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Tests.Fakes;

namespace QuantFunctions.Orchestration.Tests.Stages;

public sealed class StageRegistryTests
{
    [Fact]
    public void Stages_AreOrderedById()
    {
        StageRegistry registry = TestRegistry.Create();
        Assert.Equal(["test.ingest", "test.model", "test.work"], registry.Stages.Select(s => s.Id));
        Assert.Equal(PipelineKind.Data, registry.Get("test.ingest").Kind);
    }

    [Fact]
    public void Get_UnknownStage_ListsRegisteredIds()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => TestRegistry.Create().Get("alpha.nope"));
        Assert.Contains("test.work", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alpha.Select")]
    [InlineData("alpha..select")]
    [InlineData("alpha select")]
    public void Add_InvalidId_Throws(string id) =>
        Assert.Throws<ArgumentException>(() => new StageRegistryBuilder().Add<FakeParameters>(id, "d", PipelineKind.Model, () => new ScriptedStage()));

    [Fact]
    public void Add_DuplicateOrAfterBuild_Throws()
    {
        var builder = new StageRegistryBuilder().Add<FakeParameters>("a.b", "d", PipelineKind.Model, () => new ScriptedStage());
        Assert.Throws<ArgumentException>(() => builder.Add<FakeParameters>("a.b", "d", PipelineKind.Model, () => new ScriptedStage()));
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.Add<FakeParameters>("c.d", "d", PipelineKind.Model, () => new ScriptedStage()));
    }

    [Fact]
    public void GetParameterSchema_DescribesTypesRangesDefaultsAndDescriptions()
    {
        JsonObject schema = TestRegistry.Create().Get("test.work").GetParameterSchema();

        Assert.Equal("test.work", schema["title"]!.GetValue<string>());
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        JsonObject topN = schema["properties"]!["top_n"]!.AsObject();
        Assert.Equal("integer", topN["type"]!.GetValue<string>());
        Assert.Equal((1, 100, 10), (topN["minimum"]!.GetValue<int>(), topN["maximum"]!.GetValue<int>(), topN["default"]!.GetValue<int>()));
        Assert.Equal("How many assets to keep.", topN["description"]!.GetValue<string>());
        Assert.Equal("long", schema["properties"]!["direction"]!["default"]!.GetValue<string>());
        Assert.Equal("array", schema["properties"]!["tags"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void GetParameterSchema_MarksOverridableParameters()
    {
        StageDescriptor stage = TestRegistry.Create().Get("test.work");
        JsonObject schema = stage.GetParameterSchema();

        Assert.Equal(["top_n"], stage.OverridableParameters);
        Assert.Equal(["top_n"], schema["x-overridable"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(schema["properties"]!["top_n"]!["x-overridable"]!.GetValue<bool>());
        Assert.Null(schema["properties"]!["direction"]!["x-overridable"]);
    }

    [Fact]
    public void BindParameters_ValidatesLikeTheManifestLoader()
    {
        StageDescriptor stage = TestRegistry.Create().Get("test.work");
        var bound = (FakeParameters)stage.BindParameters(new JsonObject { ["top_n"] = 3 });
        Assert.Equal(3, bound.TopN);
        var ex = Assert.Throws<ManifestValidationException>(() => stage.BindParameters(new JsonObject { ["top_n"] = 300 }, "cli"));
        Assert.Equal((ManifestErrorCode.ParameterOutOfRange, "cli"), (ex.Errors[0].Code, ex.Errors[0].Source));
    }

    [Theory]
    // Reference values from Python: struct.unpack('<i', hashlib.sha256(b'42:a').digest()[:4])[0] & 0x7fffffff (exact).
    [InlineData(42, "a", 2034504599)]
    [InlineData(42, "alpha.allocate[crypto_long]", 1649947128)]
    public void StageSeed_MatchesIndependentSha256Computation(int runSeed, string node, int expected) =>
        Assert.Equal(expected, StageSeed.Derive(runSeed, node));

    [Fact]
    public void StageSeed_IsStablePerNodeAndDiffersBetweenNodes()
    {
        Assert.Equal(StageSeed.Derive(42, "alpha.select[crypto_long]"), StageSeed.Derive(42, "alpha.select[crypto_long]"));
        Assert.NotEqual(StageSeed.Derive(42, "alpha.select[crypto_long]"), StageSeed.Derive(42, "alpha.select[crypto_short]"));
        Assert.NotEqual(StageSeed.Derive(42, "a"), StageSeed.Derive(43, "a"));
        Assert.True(StageSeed.Derive(7, "a") >= 0);
    }
}
