using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Durable.Orchestrators;

/// <summary>The output of a <see cref="DurableNames.SleeveOrchestrator"/>: the final state of each of the sleeve's nodes.</summary>
/// <param name="States">Node states, by key.</param>
/// <param name="Lost">Nodes whose step the engine gave up on, with the error, by key.</param>
public sealed record SleeveResult(IReadOnlyDictionary<string, NodeStatus> States, IReadOnlyDictionary<string, string> Lost);
