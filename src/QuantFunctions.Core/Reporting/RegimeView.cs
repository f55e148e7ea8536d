namespace QuantFunctions.Core.Reporting;

/// <summary>The regime artifact of a sleeve (written by the regime stage), as the tear sheet shows it.</summary>
/// <param name="ModelId">The regime model id.</param>
/// <param name="Version">The model version.</param>
/// <param name="AsOf">The detection time, as recorded.</param>
/// <param name="Label">The current regime label.</param>
/// <param name="Quadrant">The current volatility quadrant.</param>
/// <param name="Series">The regime per date, in date order.</param>
public sealed record RegimeView(string ModelId, string Version, string AsOf, string Label, string Quadrant, IReadOnlyList<RegimePoint> Series);
