namespace QuantFunctions.Orchestration.Planning;

/// <summary>A pending node the planner decided to skip, and why.</summary>
/// <param name="Key">The node instance key.</param>
/// <param name="Cause">The failed node at the root of the skip (or the skipped dependency when its cause is not known).</param>
/// <param name="Reason">A sentence for the run record and the ledger.</param>
/// <param name="FailedFast">True when the node is skipped only because the run failed fast (no dependency failed).</param>
public sealed record NodeSkip(string Key, string Cause, string Reason, bool FailedFast = false);
