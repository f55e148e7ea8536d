namespace QuantFunctions.Stages.DataOps;

/// <summary>One fetch round of an ingestion.</summary>
/// <param name="Index">1-based round number.</param>
/// <param name="Fetched">Symbols fetched successfully in this round.</param>
/// <param name="Failed">Symbols whose fetch failed in this round.</param>
/// <param name="DurationMs">Elapsed milliseconds (a measurement, not part of any result).</param>
public sealed record CoverageAttempt(int Index, int Fetched, int Failed, double DurationMs);
