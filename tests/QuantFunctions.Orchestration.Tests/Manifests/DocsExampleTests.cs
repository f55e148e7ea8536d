using System.Text.Json;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Orchestration.Tests.Fakes;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Manifests;

/// <summary>The example manifest of docs/orchestration.md loads, expands as documented and runs.</summary>
public sealed class DocsExampleTests
{
    private static string DocsExample()
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "orchestration.md"));
        int start = text.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        return text[start..text.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static StageRegistry Registry(IStage stage) => new StageRegistryBuilder()
        .Add<FakeParameters>("alpha.select", "select", PipelineKind.Model, () => stage)
        .Add<FakeParameters>("alpha.allocate", "allocate", PipelineKind.Model, () => stage)
        .Add<FakeParameters>("meta.aggregate", "aggregate", PipelineKind.Model, () => stage)
        .Add<FakeParameters>("report.tearsheet", "report", PipelineKind.Model, () => stage)
        .Build();

    [Fact]
    public void DocsExample_ExpandsAsDocumented()
    {
        StageRegistry registry = Registry(new ScriptedStage());
        PipelineManifest manifest = new ManifestLoader(registry).Parse(DocsExample(), "docs/orchestration.md");

        ExecutionPlan plan = ExecutionPlan.Create(manifest, registry);

        Assert.Equal(
            ["alpha.select[crypto_long]", "alpha.select[crypto_short]", "alpha.allocate[crypto_long]", "alpha.allocate[crypto_short]", "meta.aggregate", "report"],
            plan.Nodes.Select(n => n.Key));
        Assert.Equal(["alpha.select[crypto_long]"], plan.Get("alpha.allocate[crypto_long]").DependsOn);
        Assert.Equal(["alpha.allocate[crypto_long]", "alpha.allocate[crypto_short]"], plan.Get("meta.aggregate").DependsOn);
    }

    [Fact]
    public async Task DocsExample_Runs()
    {
        var stage = new ScriptedStage();
        using var host = new DagTestHost(Registry(stage));
        RunRecord run = await host.RunAsync(DocsExample());
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(6, stage.Calls.Count);
    }

    [Fact]
    public void ManifestSchema_IsJsonAndNamesTheFormatsFields()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "manifest.schema.json")));
        JsonElement root = schema.RootElement;
        Assert.Equal(["id", "version", "scope", "kind", "nodes"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["$schema", "id", "version", "scope", "kind", "description", "schedule", "parameters", "nodes"],
            root.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["id", "stage", "description", "params", "depends_on", "for_each"],
            root.GetProperty("$defs").GetProperty("node").GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }
}
