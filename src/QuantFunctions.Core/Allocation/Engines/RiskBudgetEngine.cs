using System.Globalization;
using System.Numerics.Tensors;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>
/// Risk budgeting: long-only weights whose risk contributions RCᵢ = wᵢ(Σw)ᵢ / wᵀΣw equal the
/// budgets bᵢ; equal budgets give equal risk contribution (ERC, Maillard, Roncalli and Teïletche 2010).
/// </summary>
/// <remarks>
/// Solves the strictly convex problem min ½yᵀΣy − Σᵢ bᵢ ln yᵢ (Spinu 2013), whose optimum has
/// yᵢ(Σy)ᵢ = bᵢ, by cyclical coordinate descent (Griveau-Billion, Richard and Roncalli 2013):
/// each coordinate solves Σᵢᵢyᵢ² + cᵢyᵢ − bᵢ = 0, cᵢ = (Σy)ᵢ − Σᵢᵢyᵢ, in closed form, and Σy is
/// kept up to date with one SIMD AXPY per coordinate. Then w = net · y / 1ᵀy.
/// Bounds, neutrality and cluster caps are not imposed (they are checked by the report).
/// </remarks>
public sealed class RiskBudgetEngine : AllocationEngine
{
    /// <summary>The registry name with equal budgets.</summary>
    public const string ErcName = "erc";

    /// <summary>The registry name with given budgets.</summary>
    public const string BudgetName = "risk_budget";

    private readonly double[]? _budgets;

    /// <summary>Creates the engine.</summary>
    /// <param name="budgets">bᵢ &gt; 0 summing to 1 (within 1e-9), or null for equal budgets.</param>
    /// <param name="tolerance">Stop when maxᵢ |yᵢ(Σy)ᵢ − bᵢ| ≤ tolerance·maxᵢ bᵢ.</param>
    /// <param name="maxSweeps">Sweep limit.</param>
    /// <exception cref="AllocationException">Non-positive or non-finite budgets, or budgets not summing to 1.</exception>
    public RiskBudgetEngine(IReadOnlyList<double>? budgets = null, double tolerance = 1e-12, int maxSweeps = 20_000)
    {
        if (budgets is not null)
        {
            double sum = 0;
            for (int i = 0; i < budgets.Count; i++)
            {
                if (!(budgets[i] > 0) || !double.IsFinite(budgets[i]))
                {
                    throw new AllocationException(ErrorCodes.InvalidOption, $"risk budget {i} is {budgets[i]}; budgets must be positive and finite", "budgets");
                }

                sum += budgets[i];
            }

            if (Math.Abs(sum - 1) > 1e-9)
            {
                throw new AllocationException(ErrorCodes.InvalidOption, string.Create(CultureInfo.InvariantCulture, $"risk budgets sum to {sum:G12}, not 1"), "budgets");
            }

            _budgets = [.. budgets];
        }

        if (!(tolerance > 0) || maxSweeps < 1)
        {
            throw new AllocationException(ErrorCodes.InvalidOption, "risk budgeting needs a positive tolerance and at least one sweep", "tolerance");
        }

        Tolerance = tolerance;
        MaxSweeps = maxSweeps;
    }

    /// <summary>The relative stopping tolerance.</summary>
    public double Tolerance { get; }

    /// <summary>The sweep limit.</summary>
    public int MaxSweeps { get; }

    /// <inheritdoc/>
    public override string Name => _budgets is null ? ErcName : BudgetName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        int n = problem.AssetCount;
        if (_budgets is not null && _budgets.Length != n)
        {
            throw new AllocationException(ErrorCodes.ShapeMismatch, $"{_budgets.Length} risk budgets for {n} assets", "budgets");
        }

        double[] b = _budgets ?? Equal(n);
        ReadOnlySpan<double> sigma = problem.Covariance.Values;
        double[] y = new double[n];
        double[] sy = new double[n];
        double[] diag = problem.Covariance.Variances();
        for (int i = 0; i < n; i++)
        {
            y[i] = b[i] / Math.Sqrt(diag[i]);
        }

        MatrixProducts.Multiply(sigma, n, n, y, sy);
        double bMax = TensorPrimitives.Max(b);
        int sweep = 0;
        double error = double.PositiveInfinity;
        while (sweep < MaxSweeps)
        {
            sweep++;
            for (int i = 0; i < n; i++)
            {
                double s = diag[i];
                double c = sy[i] - (s * y[i]);
                double next = (-c + Math.Sqrt((c * c) + (4 * s * b[i]))) / (2 * s);
                double d = next - y[i];
                if (d != 0)
                {
                    TensorPrimitives.MultiplyAdd(sigma.Slice(i * n, n), d, sy, sy);
                    y[i] = next;
                }
            }

            if (sweep % 25 == 0)
            {
                MatrixProducts.Multiply(sigma, n, n, y, sy);
            }

            error = 0;
            for (int i = 0; i < n; i++)
            {
                error = Math.Max(error, Math.Abs((y[i] * sy[i]) - b[i]));
            }

            if (error <= Tolerance * bMax)
            {
                break;
            }
        }

        double total = TensorPrimitives.Sum(y);
        double net = problem.Constraints.NetExposure;
        double[] w = new double[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = y[i] / total * net;
        }

        var diagnostics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["iterations"] = sweep,
            ["converged"] = error <= Tolerance * bMax ? 1 : 0,
            ["max_budget_error"] = error,
        };
        string? failure = error <= Tolerance * bMax ? null : $"risk budgeting did not converge in {sweep} sweeps";
        return new EngineSolution(w, failure, diagnostics);
    }

    private static double[] Equal(int n)
    {
        double[] b = new double[n];
        Array.Fill(b, 1.0 / n);
        return b;
    }
}
