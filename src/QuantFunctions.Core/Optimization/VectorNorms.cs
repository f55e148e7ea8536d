using System.Numerics.Tensors;

namespace QuantFunctions.Core.Optimization;

/// <summary>Small vector helpers for the solvers.</summary>
internal static class VectorNorms
{
    /// <summary>‖x‖∞ (0 for an empty span).</summary>
    public static double Inf(ReadOnlySpan<double> x) => x.IsEmpty ? 0 : Math.Abs(TensorPrimitives.MaxMagnitude(x));
}
