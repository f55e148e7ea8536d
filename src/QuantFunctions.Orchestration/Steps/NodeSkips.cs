using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Steps;

/// <summary>Nodes the planner skipped, to record (the <c>SkipNodes</c> activity's input).</summary>
/// <param name="Scope">The run's scope.</param>
/// <param name="RunId">The run id.</param>
/// <param name="Attempt">The execution attempt.</param>
/// <param name="Skips">The skips, in plan order.</param>
public sealed record NodeSkips(string Scope, string RunId, int Attempt, IReadOnlyList<NodeSkip> Skips);
