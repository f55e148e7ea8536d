using FsCheck;
using FsCheck.Fluent;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;

namespace QuantFunctions.Core.Tests.Regime;

public sealed class GaussianHmmTests
{
    // The hand-worked 2-state model: π = (0.6, 0.4), A = [[0.7, 0.3], [0.4, 0.6]], μ = (0, 1), σ² = (1, 4).
    private static readonly HmmParameters TwoState = new(2, 1, [0.6, 0.4], [0.7, 0.3, 0.4, 0.6], [0.0, 1.0], [1.0, 4.0]);

    [Fact]
    public void LogLikelihood_HandWorkedTwoStateForwardPass_MatchesTo1e10()
    {
        // x = (0.5, −0.2, 1.5). Densities N(x; μ, σ²) = exp(−(x−μ)²/2σ²)/√(2πσ²):
        double b1x1 = N(0.5, 0, 1), b2x1 = N(0.5, 1, 4);     // 0.352065326764300, 0.193334058401425
        double b1x2 = N(-0.2, 0, 1), b2x2 = N(-0.2, 1, 4);   // 0.391042693975456, 0.166612301445900
        double b1x3 = N(1.5, 0, 1), b2x3 = N(1.5, 1, 4);     // 0.129517595665892, 0.193334058401425

        // Unscaled forward pass αₜ(j) = (Σᵢ αₜ₋₁(i) aᵢⱼ) bⱼ(xₜ):
        double a11 = 0.6 * b1x1, a12 = 0.4 * b2x1;                          // 0.211239196058580, 0.077333623360570
        double a21 = ((a11 * 0.7) + (a12 * 0.4)) * b1x2;                    // 0.069918780375490
        double a22 = ((a11 * 0.3) + (a12 * 0.6)) * b2x2;                    // 0.018289354363623
        double a31 = ((a21 * 0.7) + (a22 * 0.4)) * b1x3;                    // 0.007286515909671
        double a32 = ((a21 * 0.3) + (a22 * 0.6)) * b2x3;                    // 0.006176877533338
        double expected = Math.Log(a31 + a32);                              // ln 0.013463393443009 = −4.307780873390011

        double actual = GaussianHmm.LogLikelihood(TwoState, [0.5, -0.2, 1.5]);

        Assert.Equal(-4.307780873390011, expected, 1e-12);
        Assert.Equal(expected, actual, 1e-10);
    }

    [Fact]
    public void Viterbi_SmallSequence_MatchesBruteForceOverAllPaths()
    {
        // Exhaustive: score every one of the 2⁶ state paths by ln π + Σ ln a + Σ ln b and keep the best.
        double[] x = [0.1, 2.5, 3.0, -0.3, 0.2, 4.0];
        int[] best = [];
        double bestScore = double.NegativeInfinity;
        for (int mask = 0; mask < 1 << x.Length; mask++)
        {
            int[] path = new int[x.Length];
            for (int t = 0; t < x.Length; t++)
            {
                path[t] = (mask >> t) & 1;
            }

            double score = Math.Log(TwoState.Initial[path[0]]) + Math.Log(N(x[0], TwoState.Means[path[0]], TwoState.Variances[path[0]]));
            for (int t = 1; t < x.Length; t++)
            {
                score += Math.Log(TwoState.Transition[(path[t - 1] * 2) + path[t]]) + Math.Log(N(x[t], TwoState.Means[path[t]], TwoState.Variances[path[t]]));
            }

            if (score > bestScore)
            {
                (bestScore, best) = (score, path);
            }
        }

        Assert.Equal(best, GaussianHmm.Viterbi(TwoState, x));
        Assert.Contains(1, best);
        Assert.Contains(0, best);
    }

    [Fact]
    public void BaumWelch_LogLikelihood_NeverDecreasesAcrossIterations()
    {
        // Property (Dempster, Laird & Rubin 1977): each EM step's log-likelihood is ≥ the previous one (up to rounding,
        // 1e-9 relative), for random series, 1–3 dimensions and 2–3 states from random starting models.
        Arbitrary<(int Seed, int Dims, int States)> cases =
            Gen.Choose(1, 1_000_000).SelectMany(seed => Gen.Choose(1, 3).SelectMany(d => Gen.Choose(2, 3).Select(k => (seed, d, k)))).ToArbitrary();
        Check.QuickThrowOnFailure(Prop.ForAll(cases, c =>
        {
            var random = new Random(c.Seed);
            int t = 60;
            double[] x = new double[t * c.Dims];
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = (random.NextDouble() - 0.5) * (i % 7 == 0 ? 5 : 1);
            }

            HmmParameters model = RandomModel(random, c.States, c.Dims);
            double previous = double.NegativeInfinity;
            for (int iteration = 0; iteration < 25; iteration++)
            {
                (HmmParameters next, double ll) = GaussianHmm.Step(model, x, Floor(c.Dims, 1e-6));
                if (ll < previous - (1e-9 * Math.Abs(previous)))
                {
                    return false;
                }

                (model, previous) = (next, ll);
            }

            return true;
        }));
    }

    [Fact]
    public void Fit_Trace_IsNonDecreasingAndEndsAtTheReportedLikelihood()
    {
        (double[] r, _) = PlantedRegimes.Generate(seed: 3, days: 600);
        double[] x = Standardise(r);

        HmmFit fit = GaussianHmm.Fit(x, 1, new HmmFitOptions { States = 3, Restarts = 4, Seed = 11 });

        for (int i = 1; i < fit.Trace.Count; i++)
        {
            Assert.True(fit.Trace[i] >= fit.Trace[i - 1] - (1e-9 * Math.Abs(fit.Trace[i - 1])), $"iteration {i}: {fit.Trace[i]} < {fit.Trace[i - 1]}");
        }

        Assert.Equal(fit.LogLikelihood, fit.Trace[^1], 1e-12);
        Assert.Equal(fit.LogLikelihood, GaussianHmm.LogLikelihood(fit.Parameters, x), 1e-8);
        Assert.True(fit.Parameters.Variances[0] < fit.Parameters.Variances[1] && fit.Parameters.Variances[1] < fit.Parameters.Variances[2]);
    }

    [Fact]
    public void Fit_SameSeed_SameModel()
    {
        (double[] r, _) = PlantedRegimes.Generate(seed: 5, days: 400);

        HmmFit a = GaussianHmm.Fit(r, 1, new HmmFitOptions { Seed = 9 });
        HmmFit b = GaussianHmm.Fit(r, 1, new HmmFitOptions { Seed = 9 });

        Assert.Equal(a.Parameters.Means, b.Parameters.Means);
        Assert.Equal(a.Parameters.Transition, b.Parameters.Transition);
        Assert.Equal(a.LogLikelihood, b.LogLikelihood);
    }

    [Fact]
    public void Fit_NonFiniteObservation_IsNonFiniteError()
    {
        var ex = Assert.Throws<DomainValidationException>(() => GaussianHmm.Fit([0.1, double.NaN, 0.2, 0.3, 0.1, 0.0, 0.2], 1, new HmmFitOptions { States = 2 }));
        Assert.Equal(ErrorCodes.NonFiniteValue, ex.Code);
    }

    [Fact]
    public void Fit_TooFewRows_IsInsufficientData()
    {
        var ex = Assert.Throws<DomainValidationException>(() => GaussianHmm.Fit([0.1, 0.2, 0.3], 1, new HmmFitOptions { States = 2 }));
        Assert.Equal(ErrorCodes.InsufficientData, ex.Code);
    }

    private static double N(double x, double mean, double variance) =>
        Math.Exp(-((x - mean) * (x - mean)) / (2 * variance)) / Math.Sqrt(2 * Math.PI * variance);

    private static double[] Floor(int dims, double value)
    {
        double[] f = new double[dims];
        Array.Fill(f, value);
        return f;
    }

    private static double[] Standardise(double[] r)
    {
        double m = r.Average(), s = Math.Sqrt(r.Select(v => (v - m) * (v - m)).Average());
        return [.. r.Select(v => (v - m) / s)];
    }

    private static HmmParameters RandomModel(Random random, int k, int d)
    {
        double[] pi = Normalised(random, k);
        double[] a = new double[k * k];
        for (int i = 0; i < k; i++)
        {
            Normalised(random, k).CopyTo(a, i * k);
        }

        double[] mu = new double[k * d], v = new double[k * d];
        for (int i = 0; i < k * d; i++)
        {
            mu[i] = random.NextDouble() - 0.5;
            v[i] = 0.05 + random.NextDouble();
        }

        return new HmmParameters(k, d, pi, a, mu, v);
    }

    private static double[] Normalised(Random random, int k)
    {
        double[] p = new double[k];
        for (int i = 0; i < k; i++)
        {
            p[i] = 0.1 + random.NextDouble();
        }

        double s = p.Sum();
        for (int i = 0; i < k; i++)
        {
            p[i] /= s;
        }

        return p;
    }
}
