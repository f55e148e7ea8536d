namespace QuantFunctions.Core.Optimization;

/// <summary>How a quadratic-program solve ended.</summary>
public enum QpStatus
{
    /// <summary>Converged: KKT conditions hold within tolerance (exactly, when polished).</summary>
    Solved,

    /// <summary>The iteration limit was reached before the tolerances were met.</summary>
    MaxIterationsReached,

    /// <summary>The iterates show the constraints cannot all hold.</summary>
    PrimalInfeasible,
}
