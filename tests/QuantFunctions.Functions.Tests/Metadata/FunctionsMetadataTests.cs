using System.Text.Json.Nodes;
using QuantFunctions.Durable;
using QuantFunctions.Functions.Api;
using QuantFunctions.Testing;

namespace QuantFunctions.Functions.Tests.Metadata;

/// <summary>
/// The <c>functions.metadata</c> the Worker SDK generates — what the Functions host indexes — lists every function with its
/// bindings. Read from the publish output (<c>artifacts/functions</c>, written by test.sh) or else the Release build output.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, JsonObject> Functions = Load();

    public static TheoryData<string, string, string, string> HttpFunctions() => new()
    {
        { FunctionNames.StartPipeline, "post", "orchestrators/{pipeline}", "Function" },
        { FunctionNames.GetRun, "get", "runs/{id}", "Function" },
        { FunctionNames.TerminateRun, "post", "runs/{id}/terminate", "Function" },
        { FunctionNames.RestartRun, "post", "runs/{id}/restart", "Function" },
        { FunctionNames.ListStages, "get", "stages", "Function" },
        { FunctionNames.ListPipelines, "get", "pipelines", "Function" },
        { FunctionNames.Health, "get", "health", "Anonymous" },
    };

    [Fact]
    public void Metadata_ListsExactlyTheAppsFunctions()
    {
        string[] expected =
        [
            DurableNames.DataOrchestrator, DurableNames.ModelOrchestrator, DurableNames.ChainOrchestrator, DurableNames.SleeveOrchestrator,
            DurableNames.StartRun, DurableNames.ExecuteNode, DurableNames.SkipNodes, DurableNames.CompleteRun,
            FunctionNames.StartPipeline, FunctionNames.GetRun, FunctionNames.TerminateRun, FunctionNames.RestartRun,
            FunctionNames.ListStages, FunctionNames.ListPipelines, FunctionNames.Health, FunctionNames.DataOpsTimer, FunctionNames.PaperTimer,
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(Functions.Values, f => Assert.Equal("QuantFunctions.Functions.dll", f["scriptFile"]!.GetValue<string>()));
        Assert.All(Functions.Values, f => Assert.Equal("dotnet-isolated", f["language"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(DurableNames.DataOrchestrator)]
    [InlineData(DurableNames.ModelOrchestrator)]
    [InlineData(DurableNames.ChainOrchestrator)]
    [InlineData(DurableNames.SleeveOrchestrator)]
    public void Orchestrators_OrchestrationTriggerOnly(string name) =>
        Assert.Equal(["orchestrationTrigger In"], Bindings(name));

    [Theory]
    [InlineData(DurableNames.StartRun)]
    [InlineData(DurableNames.ExecuteNode)]
    [InlineData(DurableNames.SkipNodes)]
    [InlineData(DurableNames.CompleteRun)]
    public void Activities_ActivityTriggerOnly(string name) =>
        Assert.Equal(["activityTrigger In"], Bindings(name));

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void HttpFunctions_TriggerWithRouteMethodsAndAuthLevel_HttpOutput(string name, string method, string route, string authLevel)
    {
        JsonObject trigger = Binding(name, "httpTrigger");

        Assert.Equal(route, trigger["route"]!.GetValue<string>());
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(authLevel, trigger["authLevel"]!.GetValue<string>());
        Assert.Equal("Out", Binding(name, "http")["direction"]!.GetValue<string>());
        bool usesDurable = name is not (FunctionNames.ListStages or FunctionNames.ListPipelines or FunctionNames.Health);
        Assert.Equal(usesDurable, Bindings(name).Contains("durableClient In"));
    }

    [Fact]
    public void DataOpsTimer_TimerTriggerOnTheSettingAndADurableClient()
    {
        Assert.Equal("%QF_DATAOPS_TIMER%", Binding(FunctionNames.DataOpsTimer, "timerTrigger")["schedule"]!.GetValue<string>());
        Assert.Equal(["timerTrigger In", "durableClient In"], Bindings(FunctionNames.DataOpsTimer));
    }

    [Fact]
    public void PaperTimer_TimerTriggerOnTheSettingAndADurableClient()
    {
        Assert.Equal("%QF_PAPER_TIMER%", Binding(FunctionNames.PaperTimer, "timerTrigger")["schedule"]!.GetValue<string>());
        Assert.Equal(["timerTrigger In", "durableClient In"], Bindings(FunctionNames.PaperTimer));
    }

    private static List<string> Bindings(string function) =>
        [.. Functions[function]["bindings"]!.AsArray().Select(b => $"{b!["type"]!.GetValue<string>()} {b["direction"]!.GetValue<string>()}")];

    private static JsonObject Binding(string function, string type) =>
        Functions[function]["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == type)!.AsObject();

    private static Dictionary<string, JsonObject> Load()
    {
        string root = RepositoryRoot.Find();
        string[] candidates =
        [
            Path.Combine(root, "artifacts", "functions", "functions.metadata"),
            Path.Combine(root, "src", "QuantFunctions.Functions", "bin", "Release", "net10.0", "functions.metadata"),
        ];
        string path = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"functions.metadata not found at {string.Join(" or ", candidates)}: publish or build src/QuantFunctions.Functions in Release first.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!.AsObject(), StringComparer.Ordinal);
    }
}
