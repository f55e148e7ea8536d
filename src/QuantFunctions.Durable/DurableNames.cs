using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Durable;

/// <summary>The names of QuantFunctions' orchestrators and activities on a task hub (the Functions app and <c>quant worker</c> register the same).</summary>
public static class DurableNames
{
    /// <summary>Walks a data (DataOps) pipeline's plan.</summary>
    public const string DataOrchestrator = "DataOrchestrator";

    /// <summary>Walks a model pipeline's plan: one <see cref="SleeveOrchestrator"/> per sleeve, then the meta nodes.</summary>
    public const string ModelOrchestrator = "ModelOrchestrator";

    /// <summary>Runs a chain of runs one after the other (a paper trading day: DataOps → model → paper).</summary>
    public const string ChainOrchestrator = "ChainOrchestrator";

    /// <summary>Walks the nodes of one sleeve of a model run.</summary>
    public const string SleeveOrchestrator = "SleeveOrchestrator";

    /// <summary>Records a run's start (or restart) and returns its plan graph.</summary>
    public const string StartRun = "StartRun";

    /// <summary>Executes one node through the node executor.</summary>
    public const string ExecuteNode = "ExecuteNode";

    /// <summary>Records nodes the planner skipped.</summary>
    public const string SkipNodes = "SkipNodes";

    /// <summary>Records a run's outcome (and publishes a data run's hand-off).</summary>
    public const string CompleteRun = "CompleteRun";

    /// <summary>The orchestrator that runs pipelines of <paramref name="kind"/>.</summary>
    public static string OrchestratorFor(PipelineKind kind) => kind == PipelineKind.Data ? DataOrchestrator : ModelOrchestrator;
}
