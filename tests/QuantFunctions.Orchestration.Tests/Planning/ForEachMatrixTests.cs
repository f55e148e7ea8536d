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
    public void Create_MatrixOverASubsetOfTheAxes_EachInstanceDependsOnlyOnItsProjection()
    {
        // "pick" fans out over profiles alone, "cell" over engines × profiles: cell[x__p] waits only for pick[p].
        ExecutionPlan plan = ExecutionPlanTests.PlanOf(Model(
            Node("pick", extra: "\"for_each\": {\"matrix\": [\"profiles\"]}") + ","
            + Node("cell", "pick", extra: "\"for_each\": {\"matrix\": [\"engines\", \"profiles\"]}") + "," + Node("board", "cell"), Axes));

        Assert.Equal(["pick[neutral]"], plan.Get("cell[hrp__neutral]").DependsOn);
        Assert.Equal(["pick[capped]"], plan.Get("cell[inverse_vol__capped]").DependsOn);
        Assert.Equal(6, plan.Get("board").DependsOn.Count);
    }

    [Fact]
    public void Project_AxesInTheUpstreamOrder_AndNullWhenNotASubset()
    {
        string[] axes = ["standards", "engines", "lookbacks", "steps"];
        Assert.Equal("v3_4__20__30", ForEachMatrix.Project("v3_4__hrp__20__30", axes, ["standards", "lookbacks", "steps"]));
        Assert.Equal("30__v3_4", ForEachMatrix.Project("v3_4__hrp__20__30", axes, ["steps", "standards"]));
        Assert.Null(ForEachMatrix.Project("v3_4__hrp__20__30", axes, ["standards", "simulators"]));
        Assert.Null(ForEachMatrix.Project("v3_4__hrp__20__30", axes, []));
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
