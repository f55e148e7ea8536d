using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Steps;

/// <summary>A started execution of a run as an orchestrator walks it: identity, plan graph, node states and retry settings.</summary>
/// <param name="Scope">The run's scope.</param>
/// <param name="RunId">The run id.</param>
/// <param name="Attempt">The execution attempt.</param>
/// <param name="Kind">Data or model.</param>
/// <param name="Graph">The plan's graph (nodes of a model run carry their sleeve as group).</param>
/// <param name="States">The recorded state of every node (Succeeded nodes of a restart are kept).</param>
/// <param name="FailFast">The runner's fail-fast rule.</param>
/// <param name="Retry">How the engine retries a step that threw.</param>
public sealed record RunGraph(
    string Scope, string RunId, int Attempt, PipelineKind Kind, PlanGraph Graph, IReadOnlyDictionary<string, NodeStatus> States, bool FailFast, StepRetry Retry);
