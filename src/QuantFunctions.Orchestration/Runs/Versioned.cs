namespace QuantFunctions.Orchestration.Runs;

/// <summary>A record read from the lake with the ETag to pass to a conditional rewrite.</summary>
/// <param name="Value">The record.</param>
/// <param name="ETag">The object's ETag at the time of the read.</param>
public sealed record Versioned<T>(T Value, string ETag);
