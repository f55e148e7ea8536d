using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Tests.Fakes;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;

namespace QuantFunctions.Orchestration.Tests.Planning;

public sealed class ExecutionPlanTests
{
    private static readonly StageRegistry Registry = TestRegistry.Create();

    internal static ExecutionPlan PlanOf(string json, ParameterOverrides? overrides = null) =>
        ExecutionPlan.Create(new ManifestLoader(Registry).Parse(json, "test.json"), Registry, overrides);

    [Fact]
    public void Create_ForEachOverParameter_FansOutAndFansIn()
    {
        ExecutionPlan plan = PlanOf(
            Model(Node("load") + "," + Node("alpha.allocate", "load", "\"for_each\": \"sleeves\"") + "," + Node("meta", "alpha.allocate")),
            """{"sleeves": ["crypto_long", "crypto_short"]}""");

        Assert.Equal(["load", "alpha.allocate[crypto_long]", "alpha.allocate[crypto_short]", "meta"], plan.Nodes.Select(n => n.Key));
        Assert.Equal(["load"], plan.Get("alpha.allocate[crypto_short]").DependsOn);
        Assert.Equal("crypto_short", plan.Get("alpha.allocate[crypto_short]").ForEachItem);
        Assert.Equal(["alpha.allocate[crypto_long]", "alpha.allocate[crypto_short]"], plan.Get("meta").DependsOn);
    }

    [Fact]
    public void Create_TwoNodesOverSameList_PairInstancesOneToOne()
    {
        ExecutionPlan plan = PlanOf(
            Model(Node("select", extra: "\"for_each\": \"sleeves\"") + "," + Node("allocate", "select", "\"for_each\": \"sleeves\"")),
            """{"sleeves": ["a", "b"]}""");

        Assert.Equal(["select[a]"], plan.Get("allocate[a]").DependsOn);
        Assert.Equal(["select[b]"], plan.Get("allocate[b]").DependsOn);
    }

    [Fact]
    public void Create_NodesOverDifferentLists_DependOnAllInstances()
    {
        ExecutionPlan plan = PlanOf(Model(
            Node("select", extra: "\"for_each\": [\"a\", \"b\"]") + "," + Node("cell", "select", "\"for_each\": [\"x\", \"y\"]")));

        Assert.Equal(["select[a]", "select[b]"], plan.Get("cell[x]").DependsOn);
        Assert.Equal(["select[a]", "select[b]"], plan.Get("cell[y]").DependsOn);
    }

    [Fact]
    public void Create_IdenticalLiteralLists_PairInstances()
    {
        ExecutionPlan plan = PlanOf(Model(
            Node("select", extra: "\"for_each\": [\"a\", \"b\"]") + "," + Node("allocate", "select", "\"for_each\": [\"a\", \"b\"]")));

        Assert.Equal(["select[b]"], plan.Get("allocate[b]").DependsOn);
    }

    [Fact]
    public void Create_OrderIsTopologicalWithManifestOrderBreakingTies()
    {
        ExecutionPlan plan = PlanOf(Model(Node("d", "b,c") + "," + Node("c", "a") + "," + Node("b", "a") + "," + Node("a")));
        Assert.Equal(["a", "c", "b", "d"], plan.Nodes.Select(n => n.Key));
        Assert.Equal(["b", "c", "d"], plan.TransitiveDependentsOf("a").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Create_OverridePrecedence_VersionBeatsPipelineBeatsStageBeatsManifest()
    {
        string json = Model(Node("a", extra: "\"params\": {\"top_n\": 7, \"lookback\": 1.5, \"direction\": \"short\"}"));
        ParameterOverrides overrides = ParameterOverrides.Parse(
        [
            "demo/test@1.0.0/test.work:top_n=30",
            "test.work:top_n=10",
            "demo/test/test.work:top_n=20",
            "test.work:lookback=3.25",
            "demo/test/test.work:lookback=4.5",
        ]);

        var p = (FakeParameters)PlanOf(json, overrides).Get("a").Parameters;

        Assert.Equal(30, p.TopN);
        Assert.Equal(4.5, p.Lookback);
        Assert.Equal("short", p.Direction);
    }

    [Fact]
    public void Create_DefaultsFillUnsetParameters()
    {
        PlanNode node = PlanOf(Model(Node("a", extra: "\"params\": {\"top_n\": 7}"))).Get("a");
        var p = (FakeParameters)node.Parameters;
        Assert.Equal((7, "long", 20.5), (p.TopN, p.Direction, p.Lookback));
        Assert.Equal("""{"top_n":7,"direction":"long","lookback":20.5,"tags":[]}""", node.ParametersJson);
    }

    [Fact]
    public void Create_OverrideOutOfRange_NamesNodeAndOverride()
    {
        var ex = Assert.Throws<ManifestValidationException>(() => PlanOf(Model(Node("a")), ParameterOverrides.Parse(["test.work:top_n=500"])));
        ManifestError e = Assert.Single(ex.Errors);
        Assert.Equal((ManifestErrorCode.ParameterOutOfRange, "a"), (e.Code, e.Node));
        Assert.Contains("from override 'test.work:top_n=500'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PipelineParameterOverride_ChangesTheFanOut()
    {
        ExecutionPlan plan = PlanOf(
            Model(Node("fan", extra: "\"for_each\": \"sleeves\"")),
            """{"sleeves": ["a", "b"]}""",
            ParameterOverrides.Parse(["sleeves=[\"x\",\"y\",\"z\"]"]));
        Assert.Equal(["fan[x]", "fan[y]", "fan[z]"], plan.Nodes.Select(n => n.Key));
    }

    [Theory]
    [InlineData("sleeves=3", ManifestErrorCode.InvalidParameter)]
    [InlineData("colour=3", ManifestErrorCode.UnknownParameter)]
    public void Create_BadPipelineParameterOverride_IsRejected(string assignment, ManifestErrorCode code)
    {
        var ex = Assert.Throws<ManifestValidationException>(() => PlanOf(
            Model(Node("fan", extra: "\"for_each\": \"sleeves\"")), """{"sleeves": ["a"]}""", ParameterOverrides.Parse([assignment])));
        Assert.Equal(code, Assert.Single(ex.Errors).Code);
    }

    [Theory]
    [InlineData("other/test/test.work:direction=long", ManifestErrorCode.UnmatchedOverride, "applies to no node of pipeline demo/test@1.0.0")]
    [InlineData("demo/test@2.0.0/test.work:direction=long", ManifestErrorCode.UnmatchedOverride, "applies to no node")]
    [InlineData("test.model:top_n=5", ManifestErrorCode.UnmatchedOverride, "(its stages: test.work)")]
    [InlineData("no.such:top_n=5", ManifestErrorCode.UnknownStage, "names unknown stage 'no.such'")]
    public void Create_OverrideThatAppliesToNoNode_RejectedNamingIt(string assignment, ManifestErrorCode code, string message)
    {
        var ex = Assert.Throws<ManifestValidationException>(() => PlanOf(Model(Node("a")), ParameterOverrides.Parse([assignment])));

        ManifestError e = Assert.Single(ex.Errors);
        Assert.Equal(code, e.Code);
        Assert.Contains($"override '{assignment}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RemoteOverrideOfAnOverridableParameter_Applied()
    {
        var p = (FakeParameters)PlanOf(Model(Node("a")), ParameterOverrides.Parse(["test.work:top_n=30"], OverrideAuthority.Remote)).Get("a").Parameters;

        Assert.Equal(30, p.TopN);
    }

    [Theory]
    [InlineData("test.work:direction=short", ManifestErrorCode.NotOverridable, "parameter 'direction' of stage 'test.work' is fixed by the manifest for remote callers (overridable: top_n)")]
    [InlineData("demo/test/test.work:tags=[\"x\"]", ManifestErrorCode.NotOverridable, "parameter 'tags'")]
    [InlineData("test.work:top_n=500", ManifestErrorCode.ParameterOutOfRange, "top_n")]
    [InlineData("test.work:top_n=\"ten\"", ManifestErrorCode.InvalidParameter, "top_n")]
    [InlineData("test.work:colour=1", ManifestErrorCode.UnknownParameter, "colour")]
    [InlineData("sleeves=[\"x\"]", ManifestErrorCode.NotOverridable, "pipeline parameter 'sleeves' is fixed by the manifest")]
    public void Create_RemoteOverrideOutsideWhatTheStageDeclares_Rejected(string assignment, ManifestErrorCode code, string message)
    {
        var ex = Assert.Throws<ManifestValidationException>(() => PlanOf(
            Model(Node("a", extra: "\"for_each\": \"sleeves\"")), """{"sleeves": ["a"]}""", ParameterOverrides.Parse([assignment], OverrideAuthority.Remote)));

        ManifestError e = Assert.Single(ex.Errors);
        Assert.Equal(code, e.Code);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_OperatorOverridesOfFixedParameters_Applied()
    {
        ExecutionPlan plan = PlanOf(
            Model(Node("a", extra: "\"for_each\": \"sleeves\"")),
            """{"sleeves": ["a"]}""",
            ParameterOverrides.Parse(["test.work:direction=short", "sleeves=[\"b\"]"], OverrideAuthority.Operator));

        Assert.Equal("short", ((FakeParameters)plan.Get("a[b]").Parameters).Direction);
    }

    [Theory]
    [InlineData("justtext")]
    [InlineData("a/b:top_n=1")]
    [InlineData("test.work:=1")]
    public void Parse_MalformedOverride_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => ParameterOverrides.Parse([text]));

    private static ExecutionPlan PlanOf(string nodesJson, string parameters, ParameterOverrides? overrides = null) =>
        PlanOf(nodesJson.Replace("\"parameters\": {}", "\"parameters\": " + parameters, StringComparison.Ordinal), overrides);
}
