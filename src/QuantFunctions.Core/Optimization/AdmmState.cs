using System.Numerics.Tensors;
using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Optimization;

/// <summary>The iterates and factorisation of an ADMM solve (see <see cref="QpSolver"/>).</summary>
internal sealed class AdmmState
{
    private const int MaxRefactorisations = 12;
    private const double InfeasibilityTolerance = 1e-9;
    private readonly QuadraticProgram _qp;
    private readonly int _n;
    private readonly int _k;
    private readonly double _scale;
    private readonly double[] _q;
    private readonly double[] _g;
    private readonly double[] _rowScale;
    private readonly double[] _rowLo;
    private readonly double[] _rowHi;
    private readonly double[] _rhoBox;
    private readonly double[] _rhoRow;
    private readonly double[] _factor;
    private readonly double[] _rhs;
    private readonly double[] _gx;
    private readonly double[] _work;
    private readonly double[] _yPrevBox;
    private readonly double[] _yPrevRow;
    private double _rho;
    private int _refactorisations;

    public AdmmState(QuadraticProgram qp, double rho)
    {
        _qp = qp;
        _n = qp.Size;
        _k = qp.RowCount;
        int n = _n, k = _k;
        double diag = 0;
        for (int i = 0; i < n; i++)
        {
            diag += qp.P[(i * n) + i];
        }

        double qMax = VectorNorms.Inf(qp.Q);
        _scale = 1.0 / Math.Max(Math.Max(diag / n, qMax), 1e-300);
        _q = new double[n];
        TensorPrimitives.Multiply(qp.Q, _scale, _q);
        _g = new double[k * n];
        _rowScale = new double[k];
        _rowLo = new double[k];
        _rowHi = new double[k];
        for (int r = 0; r < k; r++)
        {
            double m = VectorNorms.Inf(qp.Row(r));
            double s = m > 0 ? 1.0 / m : 1.0;
            _rowScale[r] = s;
            TensorPrimitives.Multiply(qp.Row(r), s, _g.AsSpan(r * n, n));
            _rowLo[r] = qp.RowLower[r] * s;
            _rowHi[r] = qp.RowUpper[r] * s;
        }

        X = new double[n];
        ZBox = new double[n];
        YBox = new double[n];
        ZRow = new double[k];
        YRow = new double[k];
        _rhoBox = new double[n];
        _rhoRow = new double[k];
        _factor = new double[n * n];
        _rhs = new double[n];
        _gx = new double[k];
        _work = new double[n];
        _yPrevBox = new double[n];
        _yPrevRow = new double[k];
        for (int i = 0; i < n; i++)
        {
            ZBox[i] = Math.Clamp(0, qp.Lower[i], qp.Upper[i]);
        }

        for (int r = 0; r < k; r++)
        {
            ZRow[r] = Math.Clamp(0, _rowLo[r], _rowHi[r]);
        }

        SetRho(rho);
    }

    public double[] X { get; }

    public double[] ZBox { get; }

    public double[] YBox { get; }

    public double[] ZRow { get; }

    public double[] YRow { get; }

    public int Iterations { get; private set; }

    public bool Converged { get; private set; }

    /// <summary>‖Px + q + Aᵀy‖∞ of the original (unscaled) problem at the last check.</summary>
    public double LastDualResidual { get; private set; } = double.NaN;

    public void WarmStart(ReadOnlySpan<double> x)
    {
        x.CopyTo(X);
        for (int i = 0; i < _n; i++)
        {
            ZBox[i] = Math.Clamp(x[i], _qp.Lower[i], _qp.Upper[i]);
        }

        for (int r = 0; r < _k; r++)
        {
            ZRow[r] = Math.Clamp(TensorPrimitives.Dot(_g.AsSpan(r * _n, _n), x), _rowLo[r], _rowHi[r]);
        }
    }

    /// <summary>The current x clamped into the box.</summary>
    public double[] Solution()
    {
        double[] x = (double[])X.Clone();
        for (int i = 0; i < _n; i++)
        {
            x[i] = Math.Clamp(x[i], _qp.Lower[i], _qp.Upper[i]);
        }

        return x;
    }

    /// <summary>Iterates until the tolerances hold or the limit is reached; true when primal infeasible.</summary>
    public bool Run(int maxIterations, double epsAbs, double epsRel)
    {
        int n = _n, k = _k;
        (double sigma, double alpha, int checkEvery) = QpSolver.Constants;
        Converged = false;
        while (Iterations < maxIterations)
        {
            Iterations++;
            for (int i = 0; i < n; i++)
            {
                _rhs[i] = (sigma * X[i]) - _q[i] + (_rhoBox[i] * ZBox[i]) - YBox[i];
            }

            for (int r = 0; r < k; r++)
            {
                TensorPrimitives.MultiplyAdd(_g.AsSpan(r * n, n), (_rhoRow[r] * ZRow[r]) - YRow[r], _rhs, _rhs);
            }

            Cholesky.SolveInPlace(_factor, n, _rhs);
            bool check = Iterations % checkEvery == 0;
            if (check)
            {
                YBox.CopyTo(_yPrevBox);
                YRow.CopyTo(_yPrevRow);
            }

            for (int i = 0; i < n; i++)
            {
                double xt = _rhs[i];
                X[i] = (alpha * xt) + ((1 - alpha) * X[i]);
                double zr = (alpha * xt) + ((1 - alpha) * ZBox[i]);
                double z = Math.Clamp(zr + (YBox[i] / _rhoBox[i]), _qp.Lower[i], _qp.Upper[i]);
                YBox[i] += _rhoBox[i] * (zr - z);
                ZBox[i] = z;
            }

            for (int r = 0; r < k; r++)
            {
                double gxt = TensorPrimitives.Dot(_g.AsSpan(r * n, n), _rhs);
                double zr = (alpha * gxt) + ((1 - alpha) * ZRow[r]);
                double z = Math.Clamp(zr + (YRow[r] / _rhoRow[r]), _rowLo[r], _rowHi[r]);
                YRow[r] += _rhoRow[r] * (zr - z);
                ZRow[r] = z;
            }

            if (check)
            {
                if (IsPrimalInfeasible())
                {
                    return true;
                }

                if (CheckAndAdapt(epsAbs, epsRel))
                {
                    Converged = true;
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>The unscaled row duals (sign only matters to the polish).</summary>
    public double RowDual(int r) => YRow[r] * _rowScale[r];

    private bool CheckAndAdapt(double epsAbs, double epsRel)
    {
        int n = _n, k = _k;
        MatrixProducts.Multiply(_qp.P, n, n, X, _work);
        TensorPrimitives.Multiply(_work, _scale, _work);
        double pxNorm = VectorNorms.Inf(_work);
        double rPrim = 0, axNorm = VectorNorms.Inf(X), zNorm = VectorNorms.Inf(ZBox);
        for (int i = 0; i < n; i++)
        {
            rPrim = Math.Max(rPrim, Math.Abs(X[i] - ZBox[i]));
        }

        // _work = sP x + q + y_box + Gᵀ y_row (stationarity)
        TensorPrimitives.Add(_work, _q, _work);
        TensorPrimitives.Add(_work, YBox, _work);
        double atyNorm = VectorNorms.Inf(YBox);
        for (int r = 0; r < k; r++)
        {
            ReadOnlySpan<double> g = _g.AsSpan(r * n, n);
            _gx[r] = TensorPrimitives.Dot(g, X);
            rPrim = Math.Max(rPrim, Math.Abs(_gx[r] - ZRow[r]));
            axNorm = Math.Max(axNorm, Math.Abs(_gx[r]));
            zNorm = Math.Max(zNorm, Math.Abs(ZRow[r]));
            TensorPrimitives.MultiplyAdd(g, YRow[r], _work, _work);
            atyNorm = Math.Max(atyNorm, Math.Abs(YRow[r]));
        }

        double rDual = VectorNorms.Inf(_work);
        LastDualResidual = rDual / _scale;
        double qNorm = VectorNorms.Inf(_q);
        double epsPrim = epsAbs + (epsRel * Math.Max(axNorm, zNorm));
        double epsDual = epsAbs + (epsRel * Math.Max(Math.Max(pxNorm, atyNorm), qNorm));
        if (rPrim <= epsPrim && rDual <= epsDual)
        {
            return true;
        }

        if (Iterations % (5 * QpSolver.Constants.CheckEvery) == 0 && _refactorisations < MaxRefactorisations)
        {
            double ratio = Math.Sqrt((rPrim / Math.Max(Math.Max(axNorm, zNorm), 1e-30)) / Math.Max(rDual / Math.Max(Math.Max(Math.Max(pxNorm, atyNorm), qNorm), 1e-30), 1e-30));
            if (ratio > 5 || ratio < 0.2)
            {
                _refactorisations++;
                SetRho(Math.Clamp(_rho * ratio, 1e-6, 1e6));
            }
        }

        return false;
    }

    private bool IsPrimalInfeasible()
    {
        // OSQP certificate: δy with Aᵀδy ≈ 0 and uᵀmax(δy,0) + lᵀmin(δy,0) < 0.
        int n = _n, k = _k;
        double dyNorm = 0;
        for (int i = 0; i < n; i++)
        {
            dyNorm = Math.Max(dyNorm, Math.Abs(YBox[i] - _yPrevBox[i]));
        }

        for (int r = 0; r < k; r++)
        {
            dyNorm = Math.Max(dyNorm, Math.Abs(YRow[r] - _yPrevRow[r]));
        }

        if (dyNorm < 1e-30)
        {
            return false;
        }

        double eps = InfeasibilityTolerance * dyNorm;
        double support = 0;
        for (int i = 0; i < n; i++)
        {
            _work[i] = YBox[i] - _yPrevBox[i];
            support += Support(_work[i], _qp.Lower[i], _qp.Upper[i]);
        }

        for (int r = 0; r < k; r++)
        {
            double d = YRow[r] - _yPrevRow[r];
            TensorPrimitives.MultiplyAdd(_g.AsSpan(r * n, n), d, _work, _work);
            support += Support(d, _rowLo[r], _rowHi[r]);
        }

        return VectorNorms.Inf(_work) <= eps && support < -eps;
    }

    private static double Support(double d, double lo, double hi)
    {
        if (d > 0)
        {
            return double.IsPositiveInfinity(hi) ? double.PositiveInfinity : hi * d;
        }

        if (d < 0)
        {
            return double.IsNegativeInfinity(lo) ? double.PositiveInfinity : lo * d;
        }

        return 0;
    }

    private void SetRho(double rho)
    {
        _rho = rho;
        for (int i = 0; i < _n; i++)
        {
            _rhoBox[i] = QpSolver.RhoFor(_qp.Lower[i], _qp.Upper[i], rho);
        }

        for (int r = 0; r < _k; r++)
        {
            _rhoRow[r] = QpSolver.RhoFor(_rowLo[r], _rowHi[r], rho);
        }

        QpSolver.Factor(_qp, _scale, _g, _rhoBox, _rhoRow, _factor);
    }
}
