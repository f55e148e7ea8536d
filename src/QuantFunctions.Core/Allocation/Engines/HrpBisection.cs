using QuantFunctions.Core.Risk;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>
/// The recursive bisection of HRP with capacity limits. Every asset belongs to a cap cluster with
/// a budget; a segment of the leaf order can hold at most Σ_c min(B_c, Σ_{i∈segment∩c} uᵢ). At each
/// split the left share α·a is clamped into the interval both halves can hold, and the budget of
/// every cluster straddling the split is divided so that each half can absorb its share.
/// </summary>
internal static class HrpBisection
{
    public static double[] Allocate(CovarianceMatrix cov, int[] order, int[] labels, double[] budget, double[] upper, double net)
    {
        double[] w = new double[order.Length];
        var budgets = new Dictionary<int, double>();
        foreach (int i in order)
        {
            budgets[labels[i]] = budget[labels[i]];
        }

        Recurse(cov, order, 0, order.Length, net, budgets, labels, upper, w);
        return w;
    }

    /// <summary>Inverse-variance cluster variance: w = (1/σᵢ²)/Σ(1/σⱼ²), V = wᵀΣw over the members.</summary>
    public static double ClusterVariance(CovarianceMatrix cov, ReadOnlySpan<int> members)
    {
        Span<double> ivp = members.Length <= 256 ? stackalloc double[members.Length] : new double[members.Length];
        double sum = 0;
        for (int a = 0; a < members.Length; a++)
        {
            ivp[a] = 1.0 / cov[members[a], members[a]];
            sum += ivp[a];
        }

        double v = 0;
        for (int b = 0; b < members.Length; b++)
        {
            double wb = ivp[b] / sum, row = 0;
            for (int a = 0; a < members.Length; a++)
            {
                row += cov[members[a], members[b]] * ivp[a];
            }

            v += wb * row / sum;
        }

        return v;
    }

    private static void Recurse(CovarianceMatrix cov, int[] order, int start, int end, double a, Dictionary<int, double> budgets, int[] labels, double[] upper, double[] w)
    {
        if (end - start == 1)
        {
            w[order[start]] = a;
            return;
        }

        int mid = start + ((end - start) / 2);
        double vl = ClusterVariance(cov, order.AsSpan(start, mid - start));
        double vr = ClusterVariance(cov, order.AsSpan(mid, end - mid));
        double alpha = 1 - (vl / (vl + vr));

        Dictionary<int, double> capL = Capacities(order, start, mid, labels, upper);
        Dictionary<int, double> capR = Capacities(order, mid, end, labels, upper);
        (double baseL, double sharedL) = Held(capL, capR, budgets);
        (double baseR, double sharedR) = Held(capR, capL, budgets);
        double aL = Math.Min(Math.Max(alpha * a, a - (baseR + sharedR)), baseL + sharedL);
        double aR = a - aL;
        double needL = Math.Max(0, aL - baseL), needR = Math.Max(0, aR - baseR);
        var left = new Dictionary<int, double>();
        var right = new Dictionary<int, double>();
        foreach ((int c, double u) in capL)
        {
            if (!capR.TryGetValue(c, out double uR))
            {
                left[c] = budgets[c];
                continue;
            }

            double b = budgets[c];
            double gL = Math.Min(needL, Math.Min(b, u));
            needL -= gL;
            double gR = Math.Min(needR, Math.Min(b - gL, uR));
            needR -= gR;
            double slack = b - gL - gR;
            left[c] = gL + (alpha * slack);
            right[c] = gR + ((1 - alpha) * slack);
        }

        foreach ((int c, _) in capR)
        {
            if (!capL.ContainsKey(c))
            {
                right[c] = budgets[c];
            }
        }

        Recurse(cov, order, start, mid, aL, left, labels, upper, w);
        Recurse(cov, order, mid, end, aR, right, labels, upper, w);
    }

    /// <summary>What a half can hold from clusters only in it (base) and from clusters it shares with the other half.</summary>
    private static (double Base, double Shared) Held(Dictionary<int, double> capacity, Dictionary<int, double> other, Dictionary<int, double> budgets)
    {
        double own = 0, shared = 0;
        foreach ((int c, double u) in capacity)
        {
            double held = Math.Min(budgets[c], u);
            if (other.ContainsKey(c))
            {
                shared += held;
            }
            else
            {
                own += held;
            }
        }

        return (own, shared);
    }

    private static Dictionary<int, double> Capacities(int[] order, int start, int end, int[] labels, double[] upper)
    {
        var cap = new Dictionary<int, double>();
        for (int k = start; k < end; k++)
        {
            int i = order[k];
            cap[labels[i]] = cap.GetValueOrDefault(labels[i]) + upper[i];
        }

        return cap;
    }
}
