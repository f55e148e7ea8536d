using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Tests.Fakes;

/// <summary>A registry of fake stages: <c>test.work</c> and <c>test.model</c> (model) and <c>test.ingest</c> (data).</summary>
public static class TestRegistry
{
    public static StageRegistry Create(IStage? stage = null)
    {
        IStage s = stage ?? new ScriptedStage();
        return new StageRegistryBuilder()
            .Add<FakeParameters>("test.work", "A scripted stage for tests.", PipelineKind.Model, () => s)
            .Add<FakeParameters>("test.model", "Another model stage.", PipelineKind.Model, () => s)
            .Add<FakeParameters>("test.ingest", "A data stage.", PipelineKind.Data, () => s)
            .Build();
    }
}
