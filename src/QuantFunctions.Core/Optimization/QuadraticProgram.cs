using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Optimization;

/// <summary>
/// minimise ½·xᵀPx + qᵀx subject to lower ≤ x ≤ upper (box) and rowLower ≤ G·x ≤ rowUpper
/// (general linear rows; equal bounds make an equality).
/// </summary>
/// <remarks>P is dense column-major n×n, symmetric positive semidefinite; G is dense row-major k×n.
/// Bounds may be infinite. Validated on construction.</remarks>
public sealed class QuadraticProgram
{
    /// <summary>Creates and validates the problem (arrays are not copied: do not mutate them afterwards).</summary>
    /// <param name="p">P, n×n column-major.</param>
    /// <param name="q">q, length n.</param>
    /// <param name="lower">Box lower bounds (−∞ allowed), length n.</param>
    /// <param name="upper">Box upper bounds (+∞ allowed), length n.</param>
    /// <param name="g">G, k×n row-major (empty when k = 0).</param>
    /// <param name="rowLower">Row lower bounds, length k.</param>
    /// <param name="rowUpper">Row upper bounds, length k.</param>
    /// <param name="rowNames">Optional names of the rows, for messages.</param>
    /// <exception cref="AllocationException">Sizes disagree, non-finite data, or a bound pair with lower &gt; upper.</exception>
    public QuadraticProgram(double[] p, double[] q, double[] lower, double[] upper, double[] g, double[] rowLower, double[] rowUpper, IReadOnlyList<string>? rowNames = null)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(rowLower);
        ArgumentNullException.ThrowIfNull(rowUpper);
        int n = q.Length, k = rowLower.Length;
        if (p.Length != n * n || lower.Length != n || upper.Length != n || rowUpper.Length != k || g.Length != k * n)
        {
            throw new AllocationException(ErrorCodes.ShapeMismatch, $"quadratic program sizes disagree: n = {n}, k = {k}, |P| = {p.Length}, |G| = {g.Length}");
        }

        CheckFinite(p, "P");
        CheckFinite(q, "q");
        CheckFinite(g, "G");
        for (int i = 0; i < n; i++)
        {
            CheckPair(lower[i], upper[i], $"bound of variable {i}");
        }

        for (int r = 0; r < k; r++)
        {
            CheckPair(rowLower[r], rowUpper[r], rowNames is null ? $"row {r}" : rowNames[r]);
        }

        P = p;
        Q = q;
        Lower = lower;
        Upper = upper;
        G = g;
        RowLower = rowLower;
        RowUpper = rowUpper;
    }

    /// <summary>n, the number of variables.</summary>
    public int Size => Q.Length;

    /// <summary>k, the number of general rows.</summary>
    public int RowCount => RowLower.Length;

    /// <summary>P, n×n column-major.</summary>
    public double[] P { get; }

    /// <summary>q.</summary>
    public double[] Q { get; }

    /// <summary>Box lower bounds.</summary>
    public double[] Lower { get; }

    /// <summary>Box upper bounds.</summary>
    public double[] Upper { get; }

    /// <summary>G, k×n row-major.</summary>
    public double[] G { get; }

    /// <summary>Row lower bounds.</summary>
    public double[] RowLower { get; }

    /// <summary>Row upper bounds.</summary>
    public double[] RowUpper { get; }

    /// <summary>Row r of G.</summary>
    /// <param name="r">Row index.</param>
    public ReadOnlySpan<double> Row(int r) => G.AsSpan(r * Size, Size);

    private static void CheckFinite(double[] a, string name)
    {
        for (int i = 0; i < a.Length; i++)
        {
            if (!double.IsFinite(a[i]))
            {
                throw new AllocationException(ErrorCodes.NonFiniteValue, $"{name}[{i}] is {a[i]}", name);
            }
        }
    }

    private static void CheckPair(double lo, double hi, string what)
    {
        if (double.IsNaN(lo) || double.IsNaN(hi) || lo > hi || double.IsPositiveInfinity(lo) || double.IsNegativeInfinity(hi))
        {
            throw new AllocationException(ErrorCodes.InfeasibleConstraints, $"{what}: lower bound {lo} exceeds upper bound {hi}", what);
        }
    }
}
