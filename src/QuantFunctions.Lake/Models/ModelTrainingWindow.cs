namespace QuantFunctions.Lake.Models;

/// <summary>The data a model version was fitted on.</summary>
/// <param name="Start">First day.</param>
/// <param name="End">Last day (the as-of of the fit).</param>
/// <param name="Rows">Observations fitted on.</param>
public sealed record ModelTrainingWindow(DateOnly Start, DateOnly End, int Rows);
