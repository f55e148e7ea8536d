using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Runs;

/// <summary>A validated start: the pipeline's manifest, the orchestration input, and the orchestrator that runs it.</summary>
/// <param name="Manifest">The pipeline's manifest (from the catalog).</param>
/// <param name="Start">The orchestration input (its <see cref="RunStart.RunId"/> is the instance id).</param>
/// <param name="Orchestrator">The orchestrator for the pipeline's kind.</param>
public sealed record PreparedRun(PipelineManifest Manifest, RunStart Start, string Orchestrator);
