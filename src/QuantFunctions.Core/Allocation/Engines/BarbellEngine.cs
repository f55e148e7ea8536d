using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Optimization;

namespace QuantFunctions.Core.Allocation.Engines;

/// <summary>
/// Barbell (Taleb, "The Black Swan", 2007; "Antifragile", 2012): a low-risk core and a convex
/// satellite. w = f · w_core + (1 − f) · net · w_sat, where w_core is the minimum-variance portfolio
/// (normalised to the budget) and w_sat the equal-weighted top-k assets by score (normalised to 1).
/// </summary>
public sealed class BarbellEngine : AllocationEngine
{
    /// <summary>The registry name.</summary>
    public const string EngineName = "barbell";

    private readonly QpSolverOptions? _solver;

    /// <summary>Creates the engine.</summary>
    /// <param name="options">Settings (defaults when null).</param>
    /// <param name="solver">QP settings of the core.</param>
    /// <exception cref="AllocationException">f outside [0, 1], k &lt; 1, or provided scores missing or non-finite.</exception>
    public BarbellEngine(BarbellOptions? options = null, QpSolverOptions? solver = null)
    {
        Options = options ?? new BarbellOptions();
        if (!(Options.CoreFraction >= 0 && Options.CoreFraction <= 1))
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"core fraction must lie in [0, 1] (got {Options.CoreFraction})", "core_fraction");
        }

        if (Options.SatelliteCount is < 1)
        {
            throw new AllocationException(ErrorCodes.InvalidOption, $"satellite count must be at least 1 (got {Options.SatelliteCount})", "satellite_count");
        }

        if (Options.Score == BarbellScore.Provided && Options.Scores is null)
        {
            throw new AllocationException(ErrorCodes.InvalidOption, "barbell score 'provided' needs scores", "scores");
        }

        _solver = solver;
    }

    /// <summary>The settings.</summary>
    public BarbellOptions Options { get; }

    /// <inheritdoc/>
    public override string Name => EngineName;

    internal override EngineSolution Solve(AllocationProblem problem)
    {
        int n = problem.AssetCount;
        double[] scores = Scores(problem);
        int k = Math.Min(n, Options.SatelliteCount ?? Math.Max(1, (int)Math.Round(n / 10.0)));
        EngineSolution core = new MinimumVarianceEngine(_solver).Solve(problem);
        if (core.FailureReason is not null || core.Weights is null)
        {
            return EngineSolution.Fail("barbell core (minimum variance) failed: " + core.FailureReason);
        }

        int[] rank = new int[n];
        for (int i = 0; i < n; i++)
        {
            rank[i] = i;
        }

        // Highest score first; ties by asset order, so the result is deterministic.
        Array.Sort(rank, (x, y) => scores[y] != scores[x] ? scores[y].CompareTo(scores[x]) : x.CompareTo(y));
        double f = Options.CoreFraction, net = problem.Constraints.NetExposure;
        double[] w = new double[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = f * core.Weights[i];
        }

        for (int r = 0; r < k; r++)
        {
            w[rank[r]] += (1 - f) * net / k;
        }

        var d = new Dictionary<string, double>(core.Diagnostics, StringComparer.Ordinal)
        {
            ["core_fraction"] = f,
            ["satellite_count"] = k,
        };
        return EngineSolution.Ok(w, d);
    }

    private double[] Scores(AllocationProblem problem)
    {
        int n = problem.AssetCount;
        if (Options.Score == BarbellScore.Provided)
        {
            AllocationProblem.CheckVector(Options.Scores!, n, "barbell scores", problem.Assets);
            return [.. Options.Scores!];
        }

        ReturnPanel returns = problem.Returns
            ?? throw new AllocationException(ErrorCodes.InvalidOption, $"barbell score '{Options.Score}' needs the returns; create the problem with returns", "returns");
        double[] s = new double[n];
        for (int j = 0; j < n; j++)
        {
            s[j] = Options.Score == BarbellScore.Momentum ? Momentum(returns.Column(j)) : Skewness(returns.Column(j));
        }

        return s;
    }

    private static double Momentum(ReadOnlySpan<double> r)
    {
        double g = 1;
        foreach (double v in r)
        {
            g *= double.IsNaN(v) ? 1 : 1 + v;
        }

        return g - 1;
    }

    /// <summary>Population skewness m₃/m₂^1.5 over observed values (0 for a constant series).</summary>
    private static double Skewness(ReadOnlySpan<double> r)
    {
        double sum = 0;
        int count = 0;
        foreach (double v in r)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        double mean = sum / count, m2 = 0, m3 = 0;
        foreach (double v in r)
        {
            if (!double.IsNaN(v))
            {
                double d = v - mean;
                m2 += d * d;
                m3 += d * d * d;
            }
        }

        m2 /= count;
        m3 /= count;
        return m2 > 0 ? m3 / Math.Pow(m2, 1.5) : 0;
    }
}
