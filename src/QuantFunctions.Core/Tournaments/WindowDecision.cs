namespace QuantFunctions.Core.Tournaments;

/// <summary>One rebalance of a cell: the weights per column, how many names were selected, whether every sign matched its book.</summary>
/// <param name="Weights">Target weights, one per column.</param>
/// <param name="Winners">Names selected (the smaller book for a long/short profile).</param>
/// <param name="DirectionalIntegrity">True when long names have w ≥ 0, short names w ≤ 0 and no other name is held.</param>
public sealed record WindowDecision(double[] Weights, int Winners, bool DirectionalIntegrity);
