using QuantFunctions.Core.Errors;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Tests.Fakes;
using QuantFunctions.Testing;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Tests.Manifests;

public sealed class ManifestLoaderTests
{
    private const string File = "manifests/demo/test/version=1.0.0/manifest.json";
    private readonly ManifestLoader _loader = new(TestRegistry.Create());

    private ManifestError SingleError(string json)
    {
        var ex = Assert.Throws<ManifestValidationException>(() => _loader.Parse(json, File));
        Assert.Equal(ErrorCodes.InvalidManifest, ex.Code);
        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal(File, error.Source);
        Assert.Contains(File, ex.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void Parse_ValidManifest_ReadsEveryField()
    {
        string json = """
            {
              "$schema": "../../../../docs/manifest.schema.json",
              "id": "test", "version": "1.0.0", "scope": "demo", "kind": "model",
              "description": "d", "schedule": "0 30 6 * * 1-5",
              "parameters": { "sleeves": ["long_a", "short_b"], "top": 3 },
              "nodes": [
                { "id": "alpha.select", "stage": "test.work", "params": { "top_n": 5 }, "for_each": "sleeves" },
                { "id": "meta", "stage": "test.model", "depends_on": ["alpha.select"] }
              ]
            }
            """;

        PipelineManifest m = _loader.Parse(json, File);

        Assert.Equal(("test", "1.0.0", "demo", PipelineKind.Model), (m.Id, m.Version, m.Scope, m.Kind));
        Assert.Equal("0 30 6 * * 1-5", m.Schedule);
        Assert.Equal(["alpha.select", "meta"], m.Nodes.Select(n => n.Id));
        Assert.Equal("sleeves", m.Nodes[0].ForEach!.Parameter);
        Assert.Equal(5, m.Nodes[0].Params["top_n"].GetInt32());
        Assert.Equal(["alpha.select"], m.Nodes[1].DependsOn);
        Assert.Equal(json, m.Json);
    }

    [Fact]
    public void Parse_UnknownStage_NamesFileAndNode()
    {
        ManifestError e = SingleError(Model(Node("a", stage: "test.nope")));
        Assert.Equal((ManifestErrorCode.UnknownStage, "a"), (e.Code, e.Node));
        Assert.Contains("test.nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateNodeId_NamesNode()
    {
        ManifestError e = SingleError(Model(Node("a") + "," + Node("a")));
        Assert.Equal((ManifestErrorCode.DuplicateNode, "a"), (e.Code, e.Node));
    }

    [Fact]
    public void Parse_Cycle_NamesTheCycle()
    {
        ManifestError e = SingleError(Model(Node("root") + "," + Node("a", "root,c") + "," + Node("b", "a") + "," + Node("c", "b")));
        Assert.Equal(ManifestErrorCode.Cycle, e.Code);
        Assert.Contains("a -> b -> c -> a", e.Message, StringComparison.Ordinal);
        Assert.Equal("a", e.Node);
    }

    [Fact]
    public void Parse_SelfDependency_IsACycle()
    {
        ManifestError e = SingleError(Model(Node("a", "a")));
        Assert.Equal((ManifestErrorCode.Cycle, "a"), (e.Code, e.Node));
        Assert.Contains("a -> a", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDependency_NamesNodeAndDependency()
    {
        ManifestError e = SingleError(Model(Node("a") + "," + Node("b", "a,ghost")));
        Assert.Equal((ManifestErrorCode.MissingDependency, "b"), (e.Code, e.Node));
        Assert.Contains("'ghost'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"top_n\": \"ten\"", ManifestErrorCode.InvalidParameter, "top_n")]
    [InlineData("\"top_n\": 1.5", ManifestErrorCode.InvalidParameter, "top_n")]
    [InlineData("\"top_n\": 0", ManifestErrorCode.ParameterOutOfRange, "top_n")]
    [InlineData("\"top_n\": 101", ManifestErrorCode.ParameterOutOfRange, "top_n")]
    [InlineData("\"topn\": 5", ManifestErrorCode.UnknownParameter, "topn")]
    [InlineData("\"tags\": 5", ManifestErrorCode.InvalidParameter, "tags")]
    [InlineData("\"direction\": null", ManifestErrorCode.InvalidParameter, "direction")]
    [InlineData("\"direction\": \"sideways\"", ManifestErrorCode.InvalidParameter, "direction")]
    public void Parse_BadParameter_NamesNodeParameterAndCode(string param, ManifestErrorCode code, string name)
    {
        ManifestError e = SingleError(Model(Node("alpha.select", extra: $"\"params\": {{{param}}}")));
        Assert.Equal((code, "alpha.select"), (e.Code, e.Node));
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"for_each\": 3", "3")]
    [InlineData("\"for_each\": \"top\"", "'top'")]
    [InlineData("\"for_each\": \"missing\"", "'missing'")]
    [InlineData("\"for_each\": []", "empty")]
    [InlineData("\"for_each\": [\"a\", \"a\"]", "twice")]
    [InlineData("\"for_each\": [\"Bad Item\"]", "Bad Item")]
    public void Parse_ForEachNotAList_NamesNode(string forEach, string mentioned)
    {
        ManifestError e = SingleError(Model(Node("fan", extra: forEach), parameters: """{"top": 3}"""));
        Assert.Equal((ManifestErrorCode.ForEachNotList, "fan"), (e.Code, e.Node));
        Assert.Contains(mentioned, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DataStageInModelPipeline_IsKindMismatch()
    {
        ManifestError e = SingleError(Model(Node("ingest", stage: "test.ingest")));
        Assert.Equal((ManifestErrorCode.StageKindMismatch, "ingest"), (e.Code, e.Node));
    }

    [Fact]
    public void Parse_ModelStageInDataPipeline_IsKindMismatch()
    {
        // DataOps never fits or reads gold: a model stage in a data manifest fails validation.
        ManifestError e = SingleError(Model(Node("fit", stage: "test.model"), kind: "data"));
        Assert.Equal((ManifestErrorCode.StageKindMismatch, "fit"), (e.Code, e.Node));
    }

    [Fact]
    public void Parse_DataStageInDataPipeline_IsAccepted()
    {
        PipelineManifest m = _loader.Parse(Model(Node("ingest", stage: "test.ingest"), kind: "data"), File);
        Assert.Equal(PipelineKind.Data, m.Kind);
    }

    [Theory]
    [InlineData("\"version\": \"1.0\"", "version")]
    [InlineData("\"scope\": \"Demo\"", "scope")]
    [InlineData("\"kind\": \"both\"", "kind")]
    [InlineData("\"schedule\": \"every day\"", "schedule")]
    public void Parse_BadPipelineProperty_IsInvalidProperty(string replacement, string property)
    {
        string json = Model(Node("a"), kind: "model").Replace($"\"{property}\": \"{Default(property)}\"", replacement, StringComparison.Ordinal);
        if (property == "schedule")
        {
            json = json.Replace("\"id\": \"test\"", "\"id\": \"test\", " + replacement, StringComparison.Ordinal);
        }

        var ex = Assert.Throws<ManifestValidationException>(() => _loader.Parse(json, "inline.json"));
        ManifestError e = Assert.Single(ex.Errors);
        Assert.Equal((ManifestErrorCode.InvalidProperty, (string?)null), (e.Code, e.Node));
        Assert.Contains($"'{property}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 61 6 * * *", "minute")]
    [InlineData("0 30 6 32 * *", "day")]
    [InlineData("0 30 6 * * MON-FUNDAY", "day-of-week")]
    [InlineData("30 6 * *", "6 fields")]
    public void Parse_ScheduleTheParserRefuses_IsInvalidPropertyNamingManifestAndField(string schedule, string mentioned)
    {
        string json = Model(Node("a", stage: "test.ingest"), kind: "data").Replace("\"id\": \"test\"", $"\"id\": \"test\", \"schedule\": \"{schedule}\"", StringComparison.Ordinal);

        ManifestError e = SingleError(json);

        Assert.Equal((ManifestErrorCode.InvalidProperty, (string?)null), (e.Code, e.Node));
        Assert.Contains("'schedule'", e.Message, StringComparison.Ordinal);
        Assert.Contains(mentioned, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 30 6 * * 1-5")]
    [InlineData("30 6 * * MON-FRI")]
    [InlineData("0 */5 * * * *")]
    public void Parse_ValidSchedule_IsKept(string schedule)
    {
        string json = Model(Node("a", stage: "test.ingest"), kind: "data").Replace("\"id\": \"test\"", $"\"id\": \"test\", \"schedule\": \"{schedule}\"", StringComparison.Ordinal);

        Assert.Equal(schedule, _loader.Parse(json, File).Schedule);
    }

    private static string Default(string property) => property switch
    {
        "version" => "1.0.0",
        "scope" => "demo",
        "kind" => "model",
        _ => "",
    };

    [Fact]
    public void Parse_UnknownAndMissingProperties_AreAllReported()
    {
        string json = """{"id": "test", "version": "1.0.0", "kind": "model", "colour": 1, "nodes": [{"id": "a", "stage": "test.work", "retries": 2}]}""";
        var ex = Assert.Throws<ManifestValidationException>(() => _loader.Parse(json, File));
        Assert.Contains(ex.Errors, e => e.Code == ManifestErrorCode.MissingProperty && e.Message.Contains("'scope'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Code == ManifestErrorCode.UnknownProperty && e.Node is null && e.Message.Contains("'colour'", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Code == ManifestErrorCode.UnknownProperty && e.Node == "a" && e.Message.Contains("'retries'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_InvalidJson_GivesLine()
    {
        ManifestError e = SingleError("{\n  \"id\": \"test\",\n  oops\n}");
        Assert.Equal(ManifestErrorCode.InvalidJson, e.Code);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PathDisagreesWithContent_IsPathMismatch()
    {
        var ex = Assert.Throws<ManifestValidationException>(() => _loader.Parse(Model(Node("a")), "manifests/demo/test/version=2.0.0/manifest.json"));
        Assert.Equal(ManifestErrorCode.PathMismatch, Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void Parse_SeveralErrors_AreAllListedWithTheirNodes()
    {
        var ex = Assert.Throws<ManifestValidationException>(() => _loader.Parse(
            Model(Node("a", stage: "test.nope") + "," + Node("b", "ghost") + "," + Node("c", extra: "\"params\": {\"top_n\": -1}")), File));
        Assert.Equal(
            [(ManifestErrorCode.UnknownStage, "a"), (ManifestErrorCode.MissingDependency, "b"), (ManifestErrorCode.ParameterOutOfRange, "c")],
            ex.Errors.Select(e => (e.Code, e.Node)).Order());
    }

    [Fact]
    public async Task LoadFileAsync_ReadsFileAndNamesItInErrors()
    {
        using var dir = new TempDirectory();
        string folder = Path.Combine(dir.Path, "manifests", "demo", "test", "version=1.0.0");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "manifest.json");
        await System.IO.File.WriteAllTextAsync(path, Model(Node("a", stage: "test.nope")));

        var ex = await Assert.ThrowsAsync<ManifestValidationException>(() => _loader.LoadFileAsync(path));

        Assert.Equal(path, Assert.Single(ex.Errors).Source);
        Assert.StartsWith(path + ": node 'a': unknown stage", ex.Errors[0].ToString(), StringComparison.Ordinal);
    }
}
