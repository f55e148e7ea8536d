using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Steps;

/// <summary>How a node ended (Succeeded, Failed or Cancelled), as recorded in its <c>stage.json</c>.</summary>
/// <param name="Node">The node key.</param>
/// <param name="Status">Its status.</param>
/// <param name="Error">The error message when it did not succeed.</param>
public sealed record NodeOutcome(string Node, NodeStatus Status, string? Error = null);
