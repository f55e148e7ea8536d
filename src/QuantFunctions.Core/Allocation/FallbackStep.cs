namespace QuantFunctions.Core.Allocation;

/// <summary>One attempt of the relaxation / fallback chain.</summary>
/// <param name="Engine">The engine tried.</param>
/// <param name="NeutralityTolerance">The |wᵀβ| bound in force (null without neutrality).</param>
/// <param name="Succeeded">Whether this attempt produced the returned weights.</param>
/// <param name="Reason">Why it failed (or "ok").</param>
public sealed record FallbackStep(string Engine, double? NeutralityTolerance, bool Succeeded, string Reason);
