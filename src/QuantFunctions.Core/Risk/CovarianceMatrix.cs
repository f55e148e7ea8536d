using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.LinearAlgebra;
using QuantFunctions.Core.Returns;

namespace QuantFunctions.Core.Risk;

/// <summary>
/// A validated covariance matrix: N×N, dense column-major, symmetric, positive semidefinite, with
/// a positive variance for every asset. Estimators build it; user matrices go through <see cref="Create"/>.
/// </summary>
public sealed class CovarianceMatrix
{
    private const double SymmetryTolerance = 1e-10;
    private const double PsdJitter = 1e-10;
    private readonly double[] _values;

    private CovarianceMatrix(IReadOnlyList<string> assets, double[] values)
    {
        Assets = assets;
        _values = values;
    }

    /// <summary>Asset names in row/column order.</summary>
    public IReadOnlyList<string> Assets { get; }

    /// <summary>N, the number of assets.</summary>
    public int Size => Assets.Count;

    /// <summary>The entries, column-major N×N.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Entry (i, j).</summary>
    /// <param name="i">Row.</param>
    /// <param name="j">Column.</param>
    public double this[int i, int j] => _values[(j * Assets.Count) + i];

    /// <summary>A copy of the entries (column-major), e.g. for serialisation.</summary>
    public double[] ToArray() => (double[])_values.Clone();

    /// <summary>The variances (diagonal).</summary>
    public double[] Variances()
    {
        int n = Size;
        double[] d = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = _values[(i * n) + i];
        }

        return d;
    }

    /// <summary>
    /// Validates and wraps a user-supplied matrix: finite, symmetric (relative tolerance 1e-10),
    /// positive variances and positive semidefinite (a Cholesky of Σ + 1e-10·max(diag)·I must succeed).
    /// </summary>
    /// <param name="assets">Asset names.</param>
    /// <param name="values">N×N entries, column-major; copied.</param>
    /// <exception cref="AllocationException">Names the asset or entry at fault.</exception>
    public static CovarianceMatrix Create(IReadOnlyList<string> assets, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(assets);
        AssetNames.Validate(assets);
        int n = assets.Count;
        if (values.Length != n * n)
        {
            throw new AllocationException(ErrorCodes.ShapeMismatch, $"covariance has {values.Length} entries; {n} assets need {n * n}");
        }

        double maxDiag = 0;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double v = values[(j * n) + i];
                if (!double.IsFinite(v))
                {
                    throw new AllocationException(ErrorCodes.NonFiniteValue, $"covariance entry ({assets[i]}, {assets[j]}) is {v}", assets[i]);
                }

                double w = values[(i * n) + j];
                double scale = Math.Max(Math.Abs(v), Math.Abs(w));
                if (Math.Abs(v - w) > SymmetryTolerance * Math.Max(scale, double.Epsilon))
                {
                    throw new AllocationException(ErrorCodes.NotSymmetric, $"covariance is not symmetric at ({assets[i]}, {assets[j]}): {v} vs {w}", assets[i]);
                }
            }

            double d = values[(j * n) + j];
            if (!(d > 0))
            {
                throw new AllocationException(ErrorCodes.ZeroVariance, $"asset '{assets[j]}' has variance {d}; every asset needs a positive variance", assets[j]);
            }

            maxDiag = Math.Max(maxDiag, d);
        }

        double[] copy = values.ToArray();
        double[] work = (double[])copy.Clone();
        for (int i = 0; i < n; i++)
        {
            work[(i * n) + i] += PsdJitter * maxDiag;
        }

        if (!Cholesky.TryFactorInPlace(work, n))
        {
            throw new AllocationException(ErrorCodes.NotPositiveSemidefinite, "covariance is not positive semidefinite (it has a negative eigenvalue)", "covariance");
        }

        return new CovarianceMatrix(ToArray(assets), copy);
    }

    /// <summary>Wraps a matrix computed by an estimator of this library, checking only the variances.</summary>
    internal static CovarianceMatrix FromEstimator(IReadOnlyList<string> assets, double[] values)
    {
        int n = assets.Count;
        for (int j = 0; j < n; j++)
        {
            double d = values[(j * n) + j];
            if (!(d > 0) || !double.IsFinite(d))
            {
                throw new AllocationException(ErrorCodes.ZeroVariance, $"asset '{assets[j]}' has variance {d}; every asset needs a positive variance", assets[j]);
            }
        }

        // The names are copied: an estimator's are a panel's columns, which the panel does not own exclusively.
        return new CovarianceMatrix(ToArray(assets), values);
    }

    /// <summary>A matrix with the same assets and new entries (trusted: produced from this one).</summary>
    internal CovarianceMatrix With(double[] values) => new(Assets, values);

    private static string[] ToArray(IReadOnlyList<string> assets)
    {
        string[] a = new string[assets.Count];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = assets[i];
        }

        return a;
    }
}
