using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>
/// Translates an <see cref="AllocationProblem"/>'s constraints into a <see cref="QuadraticProgram"/>:
/// box bounds, the budget row, neutrality rows and cluster-cap rows. With a gross limit and short
/// positions the weights are split, w = w⁺ − w⁻ (w± ≥ 0), so Σ|w| ≤ G becomes the linear row Σ(w⁺ + w⁻) ≤ G.
/// </summary>
internal sealed class MeanVarianceProgram
{
    private readonly AllocationProblem _problem;
    private readonly List<(string Name, double[] A, double Lo, double Hi)> _rows = [];
    private readonly int _n;

    public MeanVarianceProgram(AllocationProblem problem, int[]? clusterLabels)
    {
        _problem = problem;
        _n = problem.AssetCount;
        PortfolioConstraints c = problem.Constraints;
        Split = c.GrossExposure is not null && !c.IsLongOnly(_n);
        double[] ones = new double[_n];
        Array.Fill(ones, 1.0);
        _rows.Add(("budget", ones, c.NetExposure, c.NetExposure));
        if (c.Beta is { } beta)
        {
            _rows.Add(("beta_neutrality", [.. beta.Betas], -beta.Tolerance, beta.Tolerance));
        }

        if (c.ClusterCaps is { } caps && clusterLabels is not null)
        {
            var members = new SortedDictionary<int, double[]>();
            for (int i = 0; i < _n; i++)
            {
                if (!members.TryGetValue(clusterLabels[i], out double[]? a))
                {
                    a = new double[_n];
                    members[clusterLabels[i]] = a;
                }

                a[i] = 1;
            }

            foreach (KeyValuePair<int, double[]> kv in members)
            {
                _rows.Add(($"cluster_cap:{kv.Key}", kv.Value, double.NegativeInfinity, caps.MaxWeight));
            }
        }
    }

    /// <summary>Whether the variables are split into long and short parts.</summary>
    public bool Split { get; }

    /// <summary>Adds a row lo ≤ aᵀw ≤ hi.</summary>
    public void AddRow(string name, double[] a, double lo, double hi) => _rows.Add((name, a, lo, hi));

    /// <summary>min ½·wᵀ(c·Σ)w + qᵀw over the constraints.</summary>
    public QuadraticProgram Build(double riskWeight, ReadOnlySpan<double> linear)
    {
        int m = Split ? 2 * _n : _n;
        double[] p = ExpandP(riskWeight);
        double[] q = new double[m];
        for (int i = 0; i < _n && !linear.IsEmpty; i++)
        {
            q[i] = linear[i];
            if (Split)
            {
                q[_n + i] = -linear[i];
            }
        }

        (double[] lo, double[] hi) = Box();
        var g = new List<double>();
        var rl = new List<double>();
        var ru = new List<double>();
        var names = new List<string>();
        foreach ((string name, double[] a, double l, double h) in _rows)
        {
            g.AddRange(Expand(a));
            rl.Add(l);
            ru.Add(h);
            names.Add(name);
        }

        if (Split)
        {
            double[] gross = new double[m];
            Array.Fill(gross, 1.0);
            g.AddRange(gross);
            rl.Add(double.NegativeInfinity);
            ru.Add(_problem.Constraints.GrossExposure!.Value);
            names.Add("gross_exposure");
        }

        return new QuadraticProgram(p, q, lo, hi, [.. g], [.. rl], [.. ru], names);
    }

    /// <summary>
    /// The homogenised maximum-Sharpe program (Cornuéjols and Tütüncü 2007, §8.2): min yᵀΣy s.t.
    /// (μ − r_f)ᵀy = 1 with every constraint aᵀw ∈ [l, u] rewritten as aᵀy − (l/net)·1ᵀy ≥ 0 and
    /// aᵀy − (u/net)·1ᵀy ≤ 0; then w = net·y / 1ᵀy.
    /// </summary>
    public QuadraticProgram BuildSharpe(ReadOnlySpan<double> excess)
    {
        int m = Split ? 2 * _n : _n;
        double net = _problem.Constraints.NetExposure;
        bool longOnly = !Split && _problem.Constraints.IsLongOnly(_n);
        double[] s = Expand(Ones());
        (double[] lo, double[] hi) = Box();
        double[] yLo = new double[m];
        double[] yHi = new double[m];
        var g = new List<double>();
        var rl = new List<double>();
        var ru = new List<double>();
        void Homogeneous(double[] a, double l, double h)
        {
            if (l == h)
            {
                g.AddRange(Combine(a, s, -l / net));
                rl.Add(0);
                ru.Add(0);
                return;
            }

            if (!double.IsNegativeInfinity(l))
            {
                g.AddRange(Combine(a, s, -l / net));
                rl.Add(0);
                ru.Add(double.PositiveInfinity);
            }

            if (!double.IsPositiveInfinity(h))
            {
                g.AddRange(Combine(a, s, -h / net));
                rl.Add(double.NegativeInfinity);
                ru.Add(0);
            }
        }

        for (int j = 0; j < m; j++)
        {
            yLo[j] = lo[j] == 0 ? 0 : double.NegativeInfinity;
            yHi[j] = double.PositiveInfinity;
            double[] e = new double[m];
            e[j] = 1;
            if (lo[j] != 0)
            {
                Homogeneous(e, lo[j], double.PositiveInfinity);
            }

            if (!(longOnly && hi[j] >= net))
            {
                Homogeneous(e, double.NegativeInfinity, hi[j]);
            }
        }

        foreach ((string name, double[] a, double l, double h) in _rows)
        {
            if (name != "budget")
            {
                Homogeneous(Expand(a), l, h);
            }
        }

        if (Split)
        {
            double[] gross = new double[m];
            Array.Fill(gross, 1.0);
            Homogeneous(gross, double.NegativeInfinity, _problem.Constraints.GrossExposure!.Value);
            g.AddRange(s);
            rl.Add(0);
            ru.Add(double.PositiveInfinity);
        }

        g.AddRange(Expand(excess.ToArray()));
        rl.Add(1);
        ru.Add(1);
        return new QuadraticProgram(ExpandP(1.0), new double[m], yLo, yHi, [.. g], [.. rl], [.. ru]);
    }

    /// <summary>Weights from a solution of <see cref="Build"/>.</summary>
    public double[] ToWeights(ReadOnlySpan<double> x)
    {
        double[] w = new double[_n];
        for (int i = 0; i < _n; i++)
        {
            w[i] = Split ? x[i] - x[_n + i] : x[i];
        }

        return w;
    }

    /// <summary>Weights from a solution of <see cref="BuildSharpe"/>: net·y/1ᵀy.</summary>
    public double[] SharpeToWeights(ReadOnlySpan<double> y)
    {
        double[] w = ToWeights(y);
        double sum = 0;
        foreach (double v in w)
        {
            sum += v;
        }

        double net = _problem.Constraints.NetExposure;
        for (int i = 0; i < _n; i++)
        {
            w[i] = w[i] / sum * net;
        }

        return w;
    }

    private static double[] Combine(double[] a, double[] s, double c)
    {
        double[] r = new double[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            r[i] = a[i] + (c * s[i]);
        }

        return r;
    }

    private double[] Ones()
    {
        double[] o = new double[_n];
        Array.Fill(o, 1.0);
        return o;
    }

    private double[] Expand(double[] a)
    {
        if (!Split)
        {
            return a;
        }

        double[] r = new double[2 * _n];
        for (int i = 0; i < _n; i++)
        {
            r[i] = a[i];
            r[_n + i] = -a[i];
        }

        return r;
    }

    private (double[] Lo, double[] Hi) Box()
    {
        if (!Split)
        {
            return ((double[])_problem.Lower.Clone(), (double[])_problem.Upper.Clone());
        }

        double[] lo = new double[2 * _n], hi = new double[2 * _n];
        for (int i = 0; i < _n; i++)
        {
            double l = _problem.Lower[i], h = _problem.Upper[i];
            lo[i] = Math.Max(l, 0);
            hi[i] = Math.Max(h, 0);
            lo[_n + i] = Math.Max(-h, 0);
            hi[_n + i] = Math.Max(-l, 0);
        }

        return (lo, hi);
    }

    private double[] ExpandP(double c)
    {
        ReadOnlySpan<double> sigma = _problem.Covariance.Values;
        int n = _n;
        if (!Split)
        {
            double[] p = new double[n * n];
            for (int k = 0; k < p.Length; k++)
            {
                p[k] = c * sigma[k];
            }

            return p;
        }

        int m = 2 * n;
        double[] big = new double[m * m];
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double v = c * sigma[(j * n) + i];
                big[(j * m) + i] = v;
                big[((j + n) * m) + i + n] = v;
                big[((j + n) * m) + i] = -v;
                big[(j * m) + i + n] = -v;
            }
        }

        return big;
    }
}
