namespace QuantFunctions.Core.Reporting;

/// <summary>One step of the selection funnel: how many candidates remained after it.</summary>
/// <param name="Name">The step (e.g. "universe", "foundation gate", "htr").</param>
/// <param name="Count">Candidates remaining.</param>
public sealed record FunnelStage(string Name, long Count);
