namespace QuantFunctions.Core.Market;

/// <summary>How a return is formed from two closes.</summary>
public enum ReturnKind
{
    /// <summary>Simple return <c>P₁/P₀ − 1</c>.</summary>
    Simple = 1,

    /// <summary>Log return <c>ln(P₁/P₀)</c>.</summary>
    Log = 2,
}
