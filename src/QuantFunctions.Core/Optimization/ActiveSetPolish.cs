using System.Numerics.Tensors;
using QuantFunctions.Core.LinearAlgebra;

namespace QuantFunctions.Core.Optimization;

/// <summary>
/// Primal-dual active-set refinement of an approximate QP solution: guesses the active set from
/// the ADMM iterates, solves the reduced KKT system exactly, and corrects the guess until every
/// KKT condition holds (see <see cref="QpSolver"/>).
/// </summary>
internal static class ActiveSetPolish
{
    private const int MaxRounds = 30;
    private const double PrimalTolerance = 1e-9;
    private const double DualTolerance = 1e-9;

    private enum State : byte
    {
        Free,
        AtLower,
        AtUpper,
    }

    public static bool TryPolish(QuadraticProgram qp, AdmmState admm, out double[] x, out double residual)
    {
        int n = qp.Size, k = qp.RowCount;
        var box = new State[n];
        var rows = new State[k];
        double yScale = Math.Max(VectorNorms.Inf(admm.YBox), 1e-300);
        for (int i = 0; i < n; i++)
        {
            box[i] = Guess(admm.ZBox[i], admm.YBox[i], qp.Lower[i], qp.Upper[i], yScale);
        }

        for (int r = 0; r < k; r++)
        {
            double y = admm.RowDual(r);
            rows[r] = qp.RowLower[r] == qp.RowUpper[r] ? State.AtUpper : y < 0 ? State.AtLower : y > 0 ? State.AtUpper : State.Free;
            if (y < 0 && double.IsNegativeInfinity(qp.RowLower[r]))
            {
                rows[r] = State.Free;
            }
            else if (y > 0 && double.IsPositiveInfinity(qp.RowUpper[r]))
            {
                rows[r] = State.Free;
            }
        }

        x = new double[n];
        residual = double.NaN;
        double[] nu = new double[k];
        double[] grad = new double[n];
        double gScale = Math.Max(Math.Max(VectorNorms.Inf(qp.Q), MaxDiagonal(qp)), 1e-300);
        for (int round = 0; round < MaxRounds; round++)
        {
            if (!SolveReduced(qp, box, rows, x, nu))
            {
                return false;
            }

            MatrixProducts.Multiply(qp.P, n, n, x, grad);
            TensorPrimitives.Add(grad, qp.Q, grad);
            for (int r = 0; r < k; r++)
            {
                if (nu[r] != 0)
                {
                    TensorPrimitives.MultiplyAdd(qp.Row(r), nu[r], grad, grad);
                }
            }

            bool primalViolated = false;
            for (int i = 0; i < n; i++)
            {
                if (box[i] != State.Free)
                {
                    continue;
                }

                if (x[i] < qp.Lower[i] - (PrimalTolerance * (1 + Math.Abs(qp.Lower[i]))))
                {
                    box[i] = State.AtLower;
                    primalViolated = true;
                }
                else if (x[i] > qp.Upper[i] + (PrimalTolerance * (1 + Math.Abs(qp.Upper[i]))))
                {
                    box[i] = State.AtUpper;
                    primalViolated = true;
                }
            }

            for (int r = 0; r < k; r++)
            {
                if (rows[r] != State.Free)
                {
                    continue;
                }

                double v = TensorPrimitives.Dot(qp.Row(r), x);
                if (v < qp.RowLower[r] - (PrimalTolerance * (1 + Math.Abs(qp.RowLower[r]))))
                {
                    rows[r] = State.AtLower;
                    primalViolated = true;
                }
                else if (v > qp.RowUpper[r] + (PrimalTolerance * (1 + Math.Abs(qp.RowUpper[r]))))
                {
                    rows[r] = State.AtUpper;
                    primalViolated = true;
                }
            }

            if (primalViolated)
            {
                continue;
            }

            bool dualViolated = false;
            double tol = DualTolerance * gScale;
            for (int i = 0; i < n; i++)
            {
                bool fixedVar = qp.Lower[i] == qp.Upper[i];
                if ((box[i] == State.AtLower && grad[i] < -tol && !fixedVar) || (box[i] == State.AtUpper && grad[i] > tol && !fixedVar))
                {
                    box[i] = State.Free;
                    dualViolated = true;
                }
            }

            for (int r = 0; r < k; r++)
            {
                bool equality = qp.RowLower[r] == qp.RowUpper[r];
                if (!equality && ((rows[r] == State.AtLower && nu[r] > tol) || (rows[r] == State.AtUpper && nu[r] < -tol)))
                {
                    rows[r] = State.Free;
                    dualViolated = true;
                }
            }

            if (!dualViolated)
            {
                residual = 0;
                for (int i = 0; i < n; i++)
                {
                    x[i] = Math.Clamp(x[i], qp.Lower[i], qp.Upper[i]);
                    residual = box[i] == State.Free ? Math.Max(residual, Math.Abs(grad[i])) : residual;
                }

                return true;
            }
        }

        return false;
    }

    private static State Guess(double z, double y, double lo, double hi, double yScale)
    {
        double tolY = 1e-8 * yScale;
        if (lo == hi || (y < -tolY && !double.IsNegativeInfinity(lo)))
        {
            return State.AtLower;
        }

        if (y > tolY && !double.IsPositiveInfinity(hi))
        {
            return State.AtUpper;
        }

        return z <= lo ? State.AtLower : z >= hi ? State.AtUpper : State.Free;
    }

    private static double MaxDiagonal(QuadraticProgram qp)
    {
        double m = 0;
        for (int i = 0; i < qp.Size; i++)
        {
            m = Math.Max(m, qp.P[(i * qp.Size) + i]);
        }

        return m;
    }

    /// <summary>Solves the equality-constrained QP of the working set; false when it is singular.</summary>
    private static bool SolveReduced(QuadraticProgram qp, State[] box, State[] rows, double[] x, double[] nu)
    {
        int n = qp.Size;
        var free = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            if (box[i] == State.Free)
            {
                free.Add(i);
            }
            else
            {
                x[i] = box[i] == State.AtLower ? qp.Lower[i] : qp.Upper[i];
            }
        }

        var active = new List<int>();
        for (int r = 0; r < rows.Length; r++)
        {
            nu[r] = 0;
            if (rows[r] != State.Free)
            {
                active.Add(r);
            }
        }

        bool[] atLower = new bool[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            atLower[r] = rows[r] == State.AtLower;
        }

        return ReducedKkt.Solve(qp, free, active, atLower, x, nu);
    }
}
