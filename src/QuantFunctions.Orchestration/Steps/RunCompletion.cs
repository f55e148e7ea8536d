using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Steps;

/// <summary>The end of a run execution, to record (the <c>CompleteRun</c> activity's input).</summary>
/// <param name="Scope">The run's scope.</param>
/// <param name="RunId">The run id.</param>
/// <param name="Attempt">The execution attempt.</param>
/// <param name="Status">The run status the planner derived.</param>
/// <param name="Lost">Nodes whose step kept throwing until the engine gave up (recorded Failed with this message), by key.</param>
public sealed record RunCompletion(string Scope, string RunId, int Attempt, RunStatus Status, IReadOnlyDictionary<string, string> Lost);
