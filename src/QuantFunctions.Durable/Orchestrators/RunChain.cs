namespace QuantFunctions.Durable.Orchestrators;

/// <summary>Runs started one after the other, each only when the one before succeeded (a paper trading day's chain).</summary>
/// <param name="Runs">The runs, in order.</param>
public sealed record RunChain(IReadOnlyList<ChainedRun> Runs);
