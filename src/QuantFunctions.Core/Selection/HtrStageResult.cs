namespace QuantFunctions.Core.Selection;

/// <summary>What one HTR stage selected.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Survivors">Its winners, best first.</param>
public sealed record HtrStageResult(HtrStage Stage, IReadOnlyList<string> Survivors);
