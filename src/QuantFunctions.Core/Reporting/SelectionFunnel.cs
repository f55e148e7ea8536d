namespace QuantFunctions.Core.Reporting;

/// <summary>The selection funnel artifact of a sleeve (written by <c>alpha.select</c>), as the tear sheet shows it.</summary>
/// <param name="Standard">The selection standard (scorer) used.</param>
/// <param name="AsOf">The decision time, as recorded.</param>
/// <param name="HtrStage">The HTR stage reached, as recorded.</param>
/// <param name="Stages">The funnel steps in order.</param>
/// <param name="Winners">The selected candidates.</param>
public sealed record SelectionFunnel(string Standard, string AsOf, string HtrStage, IReadOnlyList<FunnelStage> Stages, IReadOnlyList<string> Winners);
