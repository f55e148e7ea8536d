namespace QuantFunctions.Core.Strategies;

/// <summary>The side of a strategy atom.</summary>
public enum Direction
{
    /// <summary>Long the asset: the stream is the asset's return.</summary>
    Long = 1,

    /// <summary>Short the asset: the stream is the synthetic long <c>−min(r, 1)</c>.</summary>
    Short = 2,
}
