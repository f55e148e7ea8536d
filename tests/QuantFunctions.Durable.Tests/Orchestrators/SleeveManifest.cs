using QuantFunctions.Durable.Tests.Fakes;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Durable.Tests.Orchestrators;

/// <summary>A small model pipeline of three sleeves (select → backtest each) and two meta nodes, over one scripted stage.</summary>
internal static class SleeveManifest
{
    public const string Json = """
        {
          "id": "sleeves",
          "version": "1.0.0",
          "scope": "demo",
          "kind": "model",
          "parameters": { "sleeves": ["a", "b", "c"] },
          "nodes": [
            { "id": "s.select", "stage": "test.work", "for_each": "sleeves" },
            { "id": "s.backtest", "stage": "test.work", "for_each": "sleeves", "depends_on": ["s.select"] },
            { "id": "m.aggregate", "stage": "test.work", "depends_on": ["s.backtest"] },
            { "id": "m.report", "stage": "test.work", "depends_on": ["m.aggregate"] }
          ]
        }
        """;

    public static StageRegistry Registry(ScriptedStage stage) =>
        new StageRegistryBuilder().Add<SleeveParameters>("test.work", "A scripted stage.", PipelineKind.Model, () => stage).Build();
}
