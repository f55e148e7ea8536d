using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using QuantFunctions.Durable.Orchestrators;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Tests.Orchestrators;

/// <summary>
/// Orchestration and activity payloads cross the Functions host through the worker's serializer (System.Text.Json,
/// case-insensitive) rather than the test engine's: every wire type must round-trip through it unchanged.
/// </summary>
public sealed class WireFormatTests
{
    private static readonly ObjectSerializer Worker = new WorkerOptions().Serializer ?? new JsonObjectSerializer(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });

    private static readonly PlanGraph Graph = new([new GraphNode("a.select[x]", [], "x"), new GraphNode("m.meta", ["a.select[x]"])]);

    private static readonly StepRetry Retry = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [Fact]
    public void RunStart_RoundTrips()
    {
        var start = new RunStart
        {
            RunId = "r", Attempt = 2, ManifestJson = "{}", ManifestSource = "m.json", Seed = 7, AsOf = new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), Overrides = ["a:b=1"], GitSha = "abc",
            Parameters = new Dictionary<string, string> { ["sleeve"] = "equity_long" },
        };

        RunStart back = RoundTrip(start);

        Assert.Equal(start with { Overrides = back.Overrides, Parameters = back.Parameters }, back);
        Assert.Equal(start.Overrides, back.Overrides);
        Assert.Equal(start.Parameters, back.Parameters);
    }

    [Fact]
    public void ActivityPayloads_RoundTrip()
    {
        var states = new Dictionary<string, NodeStatus> { ["a.select[x]"] = NodeStatus.Succeeded, ["m.meta"] = NodeStatus.Pending };
        RunGraph graph = RoundTrip(new RunGraph("demo", "r", 1, PipelineKind.Model, Graph, states, true, Retry));
        NodeSkips skips = RoundTrip(new NodeSkips("demo", "r", 1, [new NodeSkip("m.meta", "a.select[x]", "failed", true)]));
        RunCompletion completion = RoundTrip(new RunCompletion("demo", "r", 1, RunStatus.Failed, new Dictionary<string, string> { ["m.meta"] = "lost" }));
        RunOutcome outcome = RoundTrip(new RunOutcome("r", RunStatus.Failed, ["m.meta"], "boom"));

        Assert.Equal(("demo", PipelineKind.Model, true, Retry), (graph.Scope, graph.Kind, graph.FailFast, graph.Retry));
        Assert.Equal(Graph.Nodes.Select(n => (n.Key, string.Join(",", n.DependsOn), n.Group)), graph.Graph.Nodes.Select(n => (n.Key, string.Join(",", n.DependsOn), n.Group)));
        Assert.Equal(states, graph.States);
        Assert.Equal(new NodeSkip("m.meta", "a.select[x]", "failed", true), Assert.Single(skips.Skips));
        Assert.Equal("lost", completion.Lost["m.meta"]);
        Assert.Equal((RunStatus.Failed, "boom", "m.meta"), (outcome.Status, outcome.Error, Assert.Single(outcome.Failed)));
        Assert.Equal(new NodeWork("demo", "r", 1, "m.meta"), RoundTrip(new NodeWork("demo", "r", 1, "m.meta")));
        Assert.Equal(new NodeOutcome("m.meta", NodeStatus.Failed, "e"), RoundTrip(new NodeOutcome("m.meta", NodeStatus.Failed, "e")));
    }

    [Fact]
    public void SleevePayloads_RoundTrip()
    {
        var states = new Dictionary<string, NodeStatus> { ["a.select[x]"] = NodeStatus.Pending };
        SleeveWork work = RoundTrip(new SleeveWork("demo", "r", 1, "x", Graph, states, false, Retry));
        SleeveResult result = RoundTrip(new SleeveResult(states, new Dictionary<string, string> { ["a.select[x]"] = "lost" }));

        Assert.Equal(("x", false, 2), (work.Sleeve, work.FailFast, work.Graph.Nodes.Count));
        Assert.Equal(states, work.States);
        Assert.Equal("lost", result.Lost["a.select[x]"]);
    }

    private static T RoundTrip<T>(T value)
    {
        BinaryData json = Worker.Serialize(value, typeof(T));
        return (T)Worker.Deserialize(json.ToStream(), typeof(T), CancellationToken.None)!;
    }
}
