using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;

namespace QuantFunctions.Orchestration.Tests.Planning;

/// <summary><c>for_each: {"matrix": [...]}</c>: one node instance per combination of list parameters (a tournament's cells).</summary>
public sealed class ForEachMatrixTests
{
    private const string Axes = """{"engines": ["hrp", "inverse_vol"], "profiles": ["long_only", "capped", "neutral"]}""";

    [Fact]
    public void Create_Matrix_OneInstancePerCombinationLastAxisFastest_AndTheFanInDependsOnAll()
    {
        ExecutionPlan plan = ExecutionPlanTests.PlanOf(Model(
            Node("cell", extra: "\"for_each\": {\"matrix\": [\"engines\", \"profiles\"]}") + "," + Node("board", "cell"), Axes));

        string[] cells =
        [
            "cell[hrp__long_only]", "cell[hrp__capped]", "cell[hrp__neutral]",
            "cell[inverse_vol__long_only]", "cell[inverse_vol__capped]", "cell[inverse_vol__neutral]",
        ];
        Assert.Equal([.. cells, "board"], plan.Nodes.Select(n => n.Key));
        Assert.Equal("inverse_vol__capped", plan.Get("cell[inverse_vol__capped]").ForEachItem);
        Assert.Equal("matrix:engines,profiles", plan.Get("cell[hrp__capped]").ForEachList);
        Assert.Equal(cells, plan.Get("board").DependsOn);
    }

    [Fact]
    public void Create_MatrixAxisOverridden_ChangesTheCells()
    {
        ExecutionPlan plan = ExecutionPlanTests.PlanOf(
            Model(Node("cell", extra: "\"for_each\": {\"matrix\": [\"engines\", \"profiles\"]}"), Axes),
            ParameterOverrides.Parse(["engines=[\"hrp\"]", "profiles=[\"capped\"]"]));
        Assert.Equal(["cell[hrp__capped]"], plan.Nodes.Select(n => n.Key));
    }

    [Theory]
    [InlineData("""{"engines": ["hrp"], "profiles": "capped"}""", "axis 'profiles' must be a list pipeline parameter (is not a list")]
    [InlineData("""{"engines": ["hrp"]}""", "axis 'profiles' must be a list pipeline parameter (is not a pipeline parameter)")]
    [InlineData("""{"engines": ["v3.4"], "profiles": ["capped"]}""", "axis 'engines' must be a list pipeline parameter (items must be lowercase [a-z0-9_]+ strings")]
    [InlineData("""{"engines": ["hrp__x"], "profiles": ["capped"]}""", "contains the separator '__'")]
    public void Create_BadAxis_IsRejectedNamingIt(string parameters, string expected)
    {
        var ex = Assert.Throws<ManifestValidationException>(() => ExecutionPlanTests.PlanOf(
            Model(Node("cell", extra: "\"for_each\": {\"matrix\": [\"engines\", \"profiles\"]}"), parameters)));
        ManifestError error = Assert.Single(ex.Errors);
        Assert.Equal(ManifestErrorCode.ForEachNotList, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
