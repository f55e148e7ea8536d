using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable.Orchestrators;

/// <summary>One run of a <see cref="RunChain"/>: the orchestrator of its pipeline's kind and its prepared start.</summary>
/// <param name="Orchestrator">The orchestrator (<see cref="DurableNames.OrchestratorFor"/> of the pipeline's kind).</param>
/// <param name="Start">The run's start; its run id is the sub-orchestration's instance id.</param>
public sealed record ChainedRun(string Orchestrator, RunStart Start);
