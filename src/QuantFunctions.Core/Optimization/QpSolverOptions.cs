using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Optimization;

/// <summary>Settings of <see cref="QpSolver"/>; validated on construction.</summary>
public sealed record QpSolverOptions
{
    private readonly int _maxIterations = 10_000;
    private readonly double _absoluteTolerance = 1e-9;
    private readonly double _relativeTolerance = 1e-9;
    private readonly double _rho = 0.1;

    /// <summary>ADMM iteration limit.</summary>
    /// <value>10,000.</value>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = value >= 1 ? value : throw Invalid(nameof(MaxIterations), value);
    }

    /// <summary>Absolute tolerance on the primal and dual residuals (on the scaled problem).</summary>
    /// <value>1e-9.</value>
    public double AbsoluteTolerance
    {
        get => _absoluteTolerance;
        init => _absoluteTolerance = value > 0 ? value : throw Invalid(nameof(AbsoluteTolerance), value);
    }

    /// <summary>Relative tolerance on the primal and dual residuals.</summary>
    /// <value>1e-9.</value>
    public double RelativeTolerance
    {
        get => _relativeTolerance;
        init => _relativeTolerance = value >= 0 ? value : throw Invalid(nameof(RelativeTolerance), value);
    }

    /// <summary>Initial ADMM step ρ (adapted during the solve).</summary>
    /// <value>0.1.</value>
    public double Rho
    {
        get => _rho;
        init => _rho = value > 0 ? value : throw Invalid(nameof(Rho), value);
    }

    /// <summary>Whether to run the active-set polish (exact KKT solve on the predicted active set).</summary>
    /// <value>true.</value>
    public bool Polish { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static QpSolverOptions Default { get; } = new();

    private static AllocationException Invalid(string name, double value) =>
        new(ErrorCodes.InvalidOption, $"QP solver option {name} = {value} is out of range", name);
}
