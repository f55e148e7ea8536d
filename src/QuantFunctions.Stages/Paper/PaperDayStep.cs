namespace QuantFunctions.Stages.Paper;

/// <summary>One run of a paper trading day's chain.</summary>
/// <param name="Pipeline">The pipeline id (a manifest of the chain's scope).</param>
/// <param name="RunId">The run id, derived from the account and the day, so a day is the same runs every time.</param>
/// <param name="Set">Values of the manifest's declared parameters.</param>
public sealed record PaperDayStep(string Pipeline, string RunId, IReadOnlyDictionary<string, string> Set);
