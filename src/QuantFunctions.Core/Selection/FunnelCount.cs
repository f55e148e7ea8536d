namespace QuantFunctions.Core.Selection;

/// <summary>One step of the discovery-to-selection funnel: how many assets were still in after it.</summary>
/// <param name="Name">The step (e.g. <c>universe</c>, <c>foundation_gate</c>, <c>htr.strict</c>, <c>winners</c>).</param>
/// <param name="Count">Assets after the step.</param>
public sealed record FunnelCount(string Name, int Count);
