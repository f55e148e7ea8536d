using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Steps;

/// <summary>A run execution's result (an orchestration's output).</summary>
/// <param name="RunId">The run id.</param>
/// <param name="Status">The recorded run status.</param>
/// <param name="Failed">Keys of the failed nodes, in plan order.</param>
/// <param name="Error">The run's error message when it did not succeed.</param>
public sealed record RunOutcome(string RunId, RunStatus Status, IReadOnlyList<string> Failed, string? Error);
