using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable.Orchestrators;

/// <summary>The input of a <see cref="DurableNames.SleeveOrchestrator"/>: one sleeve's nodes of a model run execution.</summary>
/// <param name="Scope">The run's scope.</param>
/// <param name="RunId">The run id.</param>
/// <param name="Attempt">The execution attempt.</param>
/// <param name="Sleeve">The sleeve.</param>
/// <param name="Graph">The sleeve's sub-graph (its nodes; every dependency outside it succeeded).</param>
/// <param name="States">The recorded states of its nodes.</param>
/// <param name="FailFast">The runner's fail-fast rule, applied within the sleeve.</param>
/// <param name="Retry">The step retry policy.</param>
public sealed record SleeveWork(
    string Scope, string RunId, int Attempt, string Sleeve, PlanGraph Graph, IReadOnlyDictionary<string, NodeStatus> States, bool FailFast, StepRetry Retry);
