using QuantFunctions.Core.Errors;
using System.Text.Json;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Orchestration.Tests.Fakes;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;

namespace QuantFunctions.Orchestration.Tests.Planning;

/// <summary>Parameters a manifest declares once, nodes reference as "${name}" and a run sets with --set.</summary>
public sealed class DeclaredParametersTests
{
    private const string Declarations = """
        {
          "top": { "type": "int", "default": 10, "description": "How many assets." },
          "side": { "type": "enum", "values": ["long", "short"], "default": "long" },
          "weight": { "type": "number", "default": 20.5 },
          "labels": { "type": "list", "default": ["a"] },
          "from": { "type": "date", "default": "2024-01-02" },
          "strict": { "type": "bool", "default": false },
          "sleeves": ["x", "y"]
        }
        """;

    private static readonly StageRegistry Registry = TestRegistry.Create();

    private static readonly string TwoNodes = Model(
        Node("a", extra: """ "params": { "top_n": "${top}", "direction": "${side}", "lookback": "${weight}", "tags": "${labels}" } """) + "," +
        Node("b", "a", """ "params": { "top_n": "${top}", "tags": ["${side}", "fixed"] } """),
        Declarations);

    private static PipelineManifest Load(string json) => new ManifestLoader(Registry).Parse(json, "test.json");

    private static ExecutionPlan PlanOf(string json, IReadOnlyDictionary<string, string>? values = null, IReadOnlyList<string>? overrides = null, OverrideAuthority authority = OverrideAuthority.Operator) =>
        ExecutionPlan.Create(Load(json), Registry, new RunSettings { Seed = 1, AsOf = DagTestHost.DefaultAsOf, Overrides = overrides ?? [], Parameters = values ?? new Dictionary<string, string>() }.ToOverrides(authority));

    private static FakeParameters Params(ExecutionPlan plan, string key) => (FakeParameters)plan.Get(key).Parameters;

    private static ManifestError SingleError(Action action)
    {
        var ex = Assert.Throws<ManifestValidationException>(action);
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void Load_Declarations_ReadTypeDefaultDescriptionAndValues()
    {
        PipelineManifest manifest = Load(TwoNodes);

        ManifestParameter side = manifest.Parameters["side"];
        Assert.Equal((ManifestParameterType.Enum, "long", true), (side.Type, side.Default.GetString(), side.IsDeclared));
        Assert.Equal(["long", "short"], side.Values);
        Assert.Equal(("How many assets.", 10), (manifest.Parameters["top"].Description, manifest.Parameters["top"].Default.GetInt32()));
        Assert.Equal((ManifestParameterType.List, false), (manifest.Parameters["sleeves"].Type, manifest.Parameters["sleeves"].IsDeclared));
    }

    [Fact]
    public void Plan_References_TakeTheDefaultsWithTheirTypesEverywhere()
    {
        ExecutionPlan plan = PlanOf(TwoNodes);

        Assert.Equal((10, "long", 20.5), (Params(plan, "a").TopN, Params(plan, "a").Direction, Params(plan, "a").Lookback));
        Assert.Equal(["a"], Params(plan, "a").Tags);
        Assert.Equal(10, Params(plan, "b").TopN);
        Assert.Equal(["long", "fixed"], Params(plan, "b").Tags); // a reference inside a list
        Assert.Equal(10, plan.PipelineParameters["top"].GetInt32());
    }

    [Fact]
    public void Plan_SetValues_ReplaceEveryReference()
    {
        ExecutionPlan plan = PlanOf(TwoNodes, new Dictionary<string, string> { ["top"] = "3", ["side"] = "short", ["weight"] = "7.25", ["labels"] = "p, q" });

        Assert.Equal((3, "short", 7.25), (Params(plan, "a").TopN, Params(plan, "a").Direction, Params(plan, "a").Lookback));
        Assert.Equal(["p", "q"], Params(plan, "a").Tags);
        Assert.Equal(3, Params(plan, "b").TopN);
        Assert.Equal(["short", "fixed"], Params(plan, "b").Tags);
        Assert.Contains("\"top_n\":3", plan.Get("b").ParametersJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SetListParameter_ChangesTheFanOut()
    {
        string json = Model(Node("fan", extra: "\"for_each\": \"sleeves\""), Declarations);

        ExecutionPlan plan = PlanOf(json, new Dictionary<string, string> { ["sleeves"] = "[\"p\",\"q\",\"r\"]" });

        Assert.Equal(["fan[p]", "fan[q]", "fan[r]"], plan.Nodes.Select(n => n.Key));
    }

    [Theory]
    [InlineData("colour", "red", ManifestErrorCode.UnknownParameter, "unknown parameter 'colour' (declared: from, labels, side, sleeves, strict, top, weight)")]
    [InlineData("top", "ten", ManifestErrorCode.InvalidParameter, "parameter 'top' must be an integer, got 'ten'")]
    [InlineData("top", "2.5", ManifestErrorCode.InvalidParameter, "must be an integer")]
    [InlineData("side", "Long", ManifestErrorCode.InvalidParameter, "parameter 'side' must be one of long, short (case-sensitive), got 'Long'")]
    [InlineData("from", "02/01/2024", ManifestErrorCode.InvalidParameter, "must be a date (yyyy-MM-dd)")]
    [InlineData("strict", "yes", ManifestErrorCode.InvalidParameter, "must be a boolean")]
    [InlineData("weight", "NaN", ManifestErrorCode.InvalidParameter, "must be a number")]
    public void Plan_UnknownOrIllTypedSet_IsRefusedNamingTheParameter(string name, string value, ManifestErrorCode code, string message)
    {
        ManifestError e = SingleError(() => PlanOf(TwoNodes, new Dictionary<string, string> { [name] = value }));

        Assert.Equal((code, (string?)null, "test.json"), (e.Code, e.Node, e.Source));
        Assert.Contains($"set '{name}={value}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SetValueAStageRefuses_IsReportedOnTheNodeNamingTheSet()
    {
        ManifestError e = Assert.Throws<ManifestValidationException>(() => PlanOf(TwoNodes, new Dictionary<string, string> { ["top"] = "500" })).Errors[0];

        Assert.Equal((ManifestErrorCode.ParameterOutOfRange, "a"), (e.Code, e.Node));
        Assert.Contains("(from set 'top=500')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_StageOverride_StillBeatsTheReferencedValue()
    {
        ExecutionPlan plan = PlanOf(TwoNodes, new Dictionary<string, string> { ["top"] = "3" }, ["test.work:top_n=7"]);

        Assert.Equal(7, Params(plan, "a").TopN);
    }

    [Fact]
    public void Plan_PipelineOverrideOfADeclaredParameter_IsTypeChecked()
    {
        Assert.Equal(4, Params(PlanOf(TwoNodes, overrides: ["top=4"]), "a").TopN);
        ManifestError e = SingleError(() => PlanOf(TwoNodes, overrides: ["side=\"up\""]));
        Assert.Equal(ManifestErrorCode.InvalidParameter, e.Code);
        Assert.Contains("override of pipeline parameter 'side' must be one of long, short", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"${tpo}\"", ManifestErrorCode.UnknownParameter, "params.top_n references '${tpo}', which the manifest does not declare")]
    [InlineData("\"${Top}\"", ManifestErrorCode.InvalidParameter, "a parameter reference is a whole string value")]
    [InlineData("\"n-${top}\"", ManifestErrorCode.InvalidParameter, "a parameter reference is a whole string value")]
    public void Load_BadReference_IsAnErrorOnTheNode(string value, ManifestErrorCode code, string message)
    {
        ManifestError e = SingleError(() => Load(Model(Node("a", extra: $$""" "params": { "top_n": {{value}} } """), Declarations)));

        Assert.Equal((code, "a"), (e.Code, e.Node));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "p": { "type": "integer" } }""", ManifestErrorCode.InvalidProperty, "'type' must be one of string, int, number, bool, date, enum, list, object")]
    [InlineData("""{ "p": { "default": 1 } }""", ManifestErrorCode.MissingProperty, "missing 'type'")]
    [InlineData("""{ "p": { "type": "enum" } }""", ManifestErrorCode.InvalidProperty, "an enum needs 'values'")]
    [InlineData("""{ "p": { "type": "enum", "values": ["a", "a"] } }""", ManifestErrorCode.InvalidProperty, "distinct non-empty strings")]
    [InlineData("""{ "p": { "type": "string", "values": ["a"] } }""", ManifestErrorCode.InvalidProperty, "'values' belongs to \"type\": \"enum\" only")]
    [InlineData("""{ "p": { "type": "enum", "values": ["a"], "default": "b" } }""", ManifestErrorCode.InvalidParameter, "default of parameter 'p' must be one of a")]
    [InlineData("""{ "p": { "type": "date", "default": "2024-13-01" } }""", ManifestErrorCode.InvalidParameter, "must be a date")]
    [InlineData("""{ "p": { "type": "int", "min": 1 } }""", ManifestErrorCode.UnknownProperty, "unknown property 'min'")]
    [InlineData("""{ "p": null }""", ManifestErrorCode.InvalidParameter, "needs a non-null default")]
    public void Load_BadDeclaration_IsAManifestErrorNamingTheParameter(string parameters, ManifestErrorCode code, string message)
    {
        ManifestError e = SingleError(() => Load(Model(Node("a"), parameters)));

        Assert.Equal((code, (string?)null), (e.Code, e.Node));
        Assert.Contains("'p'", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NullDefaultTheStageParameterCannotTake_IsAnErrorOnTheNodeAtLoad()
    {
        string json = Model(Node("a", extra: """ "params": { "tags": "${labels}" } """), """{ "labels": { "type": "list", "default": null } }""");

        ManifestError e = SingleError(() => Load(json));

        Assert.Equal((ManifestErrorCode.InvalidParameter, "a"), (e.Code, e.Node)); // tags is not nullable
        Assert.Contains("'tags'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("top", "3", null)] // feeds only top_n, which test.work marks overridable
    [InlineData("side", "short", "it sets 'direction' of node 'a', which stage 'test.work' does not mark overridable")]
    [InlineData("sleeves", "p", "a pipeline parameter in the short form")]
    public void Plan_RemoteSet_AllowedOnlyWhenEveryUseIsOverridable(string name, string value, string? refusal)
    {
        string json = Model(Node("a", extra: """ "params": { "top_n": "${top}", "direction": "${side}" } """), Declarations);
        var values = new Dictionary<string, string> { [name] = value };

        if (refusal is null)
        {
            Assert.Equal(3, Params(PlanOf(json, values, authority: OverrideAuthority.Remote), "a").TopN);
            return;
        }

        ManifestError e = SingleError(() => PlanOf(json, values, authority: OverrideAuthority.Remote));
        Assert.Equal(ManifestErrorCode.NotOverridable, e.Code);
        Assert.Contains($"set '{name}': parameter '{name}' is fixed by the manifest for remote callers ({refusal}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Canonicalize_GivesOneSpellingPerValue()
    {
        IReadOnlyDictionary<string, string> values = ParameterValues.Canonicalize(Load(TwoNodes),
            ParameterValues.ParseAssignments(["top=+05", "weight=1e1", "labels=a,b", "strict=true", "side=long", "top=6"]));

        Assert.Equal(["labels", "side", "strict", "top", "weight"], values.Keys);
        Assert.Equal(["[\"a\",\"b\"]", "long", "true", "6", "10"], values.Values);
    }

    [Theory]
    [InlineData("noequals")]
    [InlineData("=1")]
    public void ParseAssignments_Malformed_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => ParameterValues.ParseAssignments([text]));

    [Fact]
    public async Task Run_SetValues_AreRecordedFingerprintedAndResumedWithTheRun()
    {
        var stage = new ScriptedStage();
        using var host = new DagTestHost(TestRegistry.Create(stage));
        PipelineManifest manifest = host.LoadManifest(TwoNodes);
        RunRequest Request(string runId, string top) => new()
        {
            Manifest = manifest, RunId = runId,
            Settings = new RunSettings { Seed = 42, AsOf = DagTestHost.DefaultAsOf, Parameters = ParameterValues.Canonicalize(manifest, new Dictionary<string, string> { ["top"] = top }) },
        };

        RunRecord three = await host.Runner.RunAsync(Request("r3", "3"));
        RunRecord four = await host.Runner.RunAsync(Request("r4", "4"));
        RunRecord again = await host.Runner.RunAsync(Request("r3", "03"));

        Assert.Equal((RunStatus.Succeeded, RunStatus.Succeeded), (three.Status, four.Status));
        Assert.NotEqual(three.ParamsHash, four.ParamsHash);
        Assert.Equal(three.ParamsHash, again.ParamsHash);
        Assert.Equal(4, stage.Calls.Count); // the same value resumed run r3: nothing redone
        IReadOnlyList<Lake.Audit.AuditEntry> ledger = await host.ReadLedgerAsync("demo", "r3");
        Assert.Equal("3", ledger.First(e => e.Kind == "run.started").Data["parameters"]!["top"]!.GetValue<string>());
        var other = await Assert.ThrowsAsync<RunStateException>(() => host.Runner.RunAsync(Request("r3", "5")));
        Assert.Equal(ErrorCodes.RunExists, other.Code);
    }

    [Fact]
    public void ManifestParameter_FormatReadsBackThroughParse()
    {
        var number = new ManifestParameter { Name = "n", Type = ManifestParameterType.Number };

        JsonElement value = number.Parse(ManifestParameter.Format(JsonSerializer.SerializeToElement(0.1)), out string? problem)!.Value;

        Assert.Null(problem);
        Assert.Equal(0.1, value.GetDouble());
    }
}
