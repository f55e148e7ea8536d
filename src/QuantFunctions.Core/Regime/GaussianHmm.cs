using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Regime;

/// <summary>
/// A Gaussian hidden Markov model with diagonal covariances: likelihood by the scaled forward pass, fitting by
/// Baum-Welch (EM) from several seeded k-means++ initialisations, decoding by Viterbi.
/// </summary>
/// <remarks>
/// <para>Observations are T×D row-major (<c>x[t·D + d]</c>), finite. Emission densities are
/// bₖ(xₜ) = Π_d N(xₜd; μₖd, σ²ₖd).</para>
/// <para>Forward: α̂₀ = π∘b(x₀)/c₀, α̂ₜ = (α̂ₜ₋₁A)∘b(xₜ)/cₜ with cₜ the row sum; ln L = Σₜ ln cₜ. Backward:
/// β̂ₜ = A(b(xₜ₊₁)∘β̂ₜ₊₁)/cₜ₊₁; γₜ = α̂ₜ∘β̂ₜ; ξₜ(i,j) = α̂ₜ(i)aᵢⱼbⱼ(xₜ₊₁)β̂ₜ₊₁(j)/cₜ₊₁
/// (L. R. Rabiner, "A tutorial on hidden Markov models and selected applications in speech recognition",
/// Proc. IEEE 77(2), 1989, §V.A). Each EM iteration never lowers ln L (Dempster, Laird &amp; Rubin 1977); the
/// variance floor keeps the M-step a constrained maximisation, so that still holds.</para>
/// </remarks>
public static class GaussianHmm
{
    /// <summary>ln P(x | model) by the scaled forward pass; −∞ when the model cannot produce x.</summary>
    /// <param name="parameters">The model.</param>
    /// <param name="observations">T×D row-major, T ≥ 1.</param>
    /// <exception cref="DomainValidationException">Invalid parameters or observations.</exception>
    public static double LogLikelihood(HmmParameters parameters, ReadOnlySpan<double> observations)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int t = Length(observations, parameters.Dimensions, 1);
        var ws = new HmmWorkspace(t, parameters.States);
        Emissions(parameters, observations, ws);
        return Forward(parameters, ws);
    }

    /// <summary>
    /// Filtered state probabilities P(sₜ = k | x₀ … xₜ), T×K row-major: the scaled forward pass's α̂ₜ. Row t reads no
    /// observation after t, so a prefix of the observations gives the same rows (no look-ahead, unlike Viterbi).
    /// </summary>
    /// <param name="parameters">The model.</param>
    /// <param name="observations">T×D row-major, T ≥ 1.</param>
    /// <exception cref="DomainValidationException">Invalid parameters or observations, or observations the model cannot produce.</exception>
    public static double[] Filter(HmmParameters parameters, ReadOnlySpan<double> observations)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int t = Length(observations, parameters.Dimensions, 1);
        var ws = new HmmWorkspace(t, parameters.States);
        Emissions(parameters, observations, ws);
        if (double.IsNegativeInfinity(Forward(parameters, ws)))
        {
            throw new DomainValidationException(ErrorCodes.NonFiniteValue, "HMM filter: the model gives the observations zero probability.");
        }

        return ws.Alpha[..(t * parameters.States)];
    }

    /// <summary>
    /// One Baum-Welch iteration: the log-likelihood of <paramref name="parameters"/> and the re-estimated model.
    /// </summary>
    /// <param name="parameters">The current model.</param>
    /// <param name="observations">T×D row-major, T ≥ 2.</param>
    /// <param name="varianceFloor">Per-dimension lower bound of the re-estimated variances (length D), or null for none.</param>
    /// <exception cref="DomainValidationException">Invalid parameters or observations.</exception>
    public static (HmmParameters Next, double LogLikelihood) Step(HmmParameters parameters, ReadOnlySpan<double> observations, IReadOnlyList<double>? varianceFloor = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int d = parameters.Dimensions;
        int t = Length(observations, d, 2);
        double[] floor = new double[d];
        for (int i = 0; i < d; i++)
        {
            floor[i] = varianceFloor is null ? 0 : varianceFloor[i];
        }

        var ws = new HmmWorkspace(t, parameters.States);
        var next = Clone(parameters);
        double ll = EStep(next, observations, ws);
        MStep(next, observations, ws, floor);
        return (next, ll);
    }

    /// <summary>
    /// Fits K states by Baum-Welch from <see cref="HmmFitOptions.Restarts"/> seeded k-means++ initialisations and keeps
    /// the restart with the highest final log-likelihood (ties: the earlier restart). States are returned in ascending
    /// order of their dimension-0 variance.
    /// </summary>
    /// <param name="observations">T×D row-major, T ≥ 2·K.</param>
    /// <param name="dimensions">D.</param>
    /// <param name="options">Fit options (defaults when null).</param>
    /// <exception cref="DomainValidationException">Invalid options or observations (too few rows, non-finite values, a constant dimension).</exception>
    public static HmmFit Fit(ReadOnlySpan<double> observations, int dimensions, HmmFitOptions? options = null)
    {
        options ??= new HmmFitOptions();
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        int k = options.States;
        int t = Length(observations, dimensions, 2 * k);
        double[] variance = ColumnVariances(observations, t, dimensions);
        double[] floor = new double[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            if (!(variance[d] > 0))
            {
                throw new DomainValidationException(ErrorCodes.InsufficientData, $"HMM fit: observation dimension {d} is constant; it cannot be modelled.");
            }

            floor[d] = options.VarianceFloor * variance[d];
        }

        var ws = new HmmWorkspace(t, k);
        HmmFit? best = null;
        for (int r = 0; r < options.Restarts; r++)
        {
            HmmParameters model = Initialise(observations, t, dimensions, k, variance, new Random(unchecked(options.Seed + r)));
            var trace = new List<double>();
            double ll = EStep(model, observations, ws);
            trace.Add(ll);
            int iterations = 0;
            bool converged = false;
            while (iterations < options.MaxIterations && double.IsFinite(ll))
            {
                MStep(model, observations, ws, floor);
                iterations++;
                double next = EStep(model, observations, ws);
                trace.Add(next);
                double gain = next - ll;
                ll = next;
                if (gain < options.Tolerance * t)
                {
                    converged = true;
                    break;
                }
            }

            if (best is null || ll > best.LogLikelihood)
            {
                best = new HmmFit(model, ll, iterations, converged, r, options.Restarts, trace);
            }
        }

        return best! with { Parameters = OrderByVariance(best.Parameters), Restarts = options.Restarts };
    }

    /// <summary>The most likely state path (Viterbi, in log space; ties pick the lower state).</summary>
    /// <param name="parameters">The model.</param>
    /// <param name="observations">T×D row-major, T ≥ 1.</param>
    /// <exception cref="DomainValidationException">Invalid parameters or observations.</exception>
    public static int[] Viterbi(HmmParameters parameters, ReadOnlySpan<double> observations)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        int k = parameters.States, d = parameters.Dimensions;
        int t = Length(observations, d, 1);
        double[] logA = new double[k * k], logPi = new double[k], norm = new double[k];
        for (int i = 0; i < k * k; i++)
        {
            logA[i] = Math.Log(parameters.Transition[i]);
        }

        for (int i = 0; i < k; i++)
        {
            logPi[i] = Math.Log(parameters.Initial[i]);
            norm[i] = StateNorm(parameters, i);
        }

        double[] previous = new double[k], current = new double[k];
        int[] back = new int[t * k];
        for (int j = 0; j < k; j++)
        {
            previous[j] = logPi[j] + LogDensity(parameters, observations.Slice(0, d), j, norm[j]);
        }

        for (int s = 1; s < t; s++)
        {
            ReadOnlySpan<double> row = observations.Slice(s * d, d);
            for (int j = 0; j < k; j++)
            {
                int arg = 0;
                double bestScore = double.NegativeInfinity;
                for (int i = 0; i < k; i++)
                {
                    double score = previous[i] + logA[(i * k) + j];
                    if (score > bestScore)
                    {
                        (bestScore, arg) = (score, i);
                    }
                }

                current[j] = bestScore + LogDensity(parameters, row, j, norm[j]);
                back[(s * k) + j] = arg;
            }

            (previous, current) = (current, previous);
        }

        int[] path = new int[t];
        int last = 0;
        for (int j = 1; j < k; j++)
        {
            last = previous[j] > previous[last] ? j : last;
        }

        path[t - 1] = last;
        for (int s = t - 1; s > 0; s--)
        {
            path[s - 1] = back[(s * k) + path[s]];
        }

        return path;
    }

    private static int Length(ReadOnlySpan<double> observations, int dimensions, int minimumRows)
    {
        if (observations.Length % dimensions != 0)
        {
            throw new DomainValidationException(ErrorCodes.ShapeMismatch, $"HMM: {observations.Length} values are not a whole number of {dimensions}-dimensional rows.");
        }

        int t = observations.Length / dimensions;
        if (t < minimumRows)
        {
            throw new DomainValidationException(ErrorCodes.InsufficientData, $"HMM: {t} observations; at least {minimumRows} are needed.");
        }

        for (int i = 0; i < observations.Length; i++)
        {
            if (!double.IsFinite(observations[i]))
            {
                throw new DomainValidationException(ErrorCodes.NonFiniteValue, $"HMM: observation {i / dimensions}, dimension {i % dimensions} is {observations[i]}.");
            }
        }

        return t;
    }

    private static double EStep(HmmParameters p, ReadOnlySpan<double> x, HmmWorkspace ws)
    {
        Emissions(p, x, ws);
        double ll = Forward(p, ws);
        if (double.IsFinite(ll))
        {
            Backward(p, ws);
        }

        return ll;
    }

    private static double StateNorm(HmmParameters p, int state)
    {
        double s = 0;
        for (int d = 0; d < p.Dimensions; d++)
        {
            s += Math.Log(2 * Math.PI * p.Variances[(state * p.Dimensions) + d]);
        }

        return -0.5 * s;
    }

    private static double LogDensity(HmmParameters p, ReadOnlySpan<double> row, int state, double norm)
    {
        int dims = p.Dimensions, at = state * dims;
        double q = 0;
        for (int d = 0; d < dims; d++)
        {
            double z = row[d] - p.Means[at + d];
            q += z * z / p.Variances[at + d];
        }

        return norm - (0.5 * q);
    }

    private static void Emissions(HmmParameters p, ReadOnlySpan<double> x, HmmWorkspace ws)
    {
        int k = p.States, dims = p.Dimensions;
        double[] norm = ws.StateNorm;
        for (int j = 0; j < k; j++)
        {
            norm[j] = StateNorm(p, j);
        }

        double[] b = ws.Emission, shift = ws.EmissionShift;
        for (int t = 0; t < ws.Length; t++)
        {
            ReadOnlySpan<double> row = x.Slice(t * dims, dims);
            double max = double.NegativeInfinity;
            for (int j = 0; j < k; j++)
            {
                double l = LogDensity(p, row, j, norm[j]);
                b[(t * k) + j] = l;
                max = Math.Max(max, l);
            }

            shift[t] = max;
            for (int j = 0; j < k; j++)
            {
                b[(t * k) + j] = Math.Exp(b[(t * k) + j] - max);
            }
        }
    }

    private static double Forward(HmmParameters p, HmmWorkspace ws)
    {
        int k = p.States, length = ws.Length;
        double[] a = p.Transition, b = ws.Emission, alpha = ws.Alpha, c = ws.Scale;
        double ll = 0, sum = 0;
        for (int j = 0; j < k; j++)
        {
            alpha[j] = p.Initial[j] * b[j];
            sum += alpha[j];
        }

        if (!(sum > 0))
        {
            return double.NegativeInfinity;
        }

        c[0] = sum;
        ll += Math.Log(sum) + ws.EmissionShift[0];
        Scale(alpha.AsSpan(0, k), sum);
        for (int t = 1; t < length; t++)
        {
            int prev = (t - 1) * k, at = t * k;
            sum = 0;
            for (int j = 0; j < k; j++)
            {
                double v = 0;
                for (int i = 0; i < k; i++)
                {
                    v += alpha[prev + i] * a[(i * k) + j];
                }

                v *= b[at + j];
                alpha[at + j] = v;
                sum += v;
            }

            if (!(sum > 0))
            {
                return double.NegativeInfinity;
            }

            c[t] = sum;
            ll += Math.Log(sum) + ws.EmissionShift[t];
            Scale(alpha.AsSpan(at, k), sum);
        }

        return ll;
    }

    private static void Scale(Span<double> row, double sum)
    {
        double inv = 1 / sum;
        for (int j = 0; j < row.Length; j++)
        {
            row[j] *= inv;
        }
    }

    /// <summary>Backward pass; accumulates Σξ and leaves γ in <see cref="HmmWorkspace.Beta"/>.</summary>
    private static void Backward(HmmParameters p, HmmWorkspace ws)
    {
        int k = p.States, length = ws.Length;
        double[] a = p.Transition, b = ws.Emission, alpha = ws.Alpha, beta = ws.Beta, c = ws.Scale, xi = ws.XiSum;
        Array.Clear(xi);
        Span<double> weighted = stackalloc double[k];
        int lastRow = (length - 1) * k;
        for (int j = 0; j < k; j++)
        {
            beta[lastRow + j] = 1;
        }

        for (int t = length - 2; t >= 0; t--)
        {
            int at = t * k, next = (t + 1) * k;
            double inv = 1 / c[t + 1];
            for (int j = 0; j < k; j++)
            {
                weighted[j] = b[next + j] * beta[next + j] * inv;
            }

            for (int i = 0; i < k; i++)
            {
                double s = 0, ai = alpha[at + i];
                for (int j = 0; j < k; j++)
                {
                    double term = a[(i * k) + j] * weighted[j];
                    s += term;
                    xi[(i * k) + j] += ai * term;
                }

                beta[at + i] = s;
            }
        }

        for (int i = 0; i < length * k; i++)
        {
            beta[i] *= alpha[i];
        }
    }

    private static void MStep(HmmParameters p, ReadOnlySpan<double> x, HmmWorkspace ws, double[] floor)
    {
        int k = p.States, dims = p.Dimensions, length = ws.Length;
        double[] gamma = ws.Beta, xi = ws.XiSum;
        double[] occupancy = ws.StateInverseVariance;
        for (int j = 0; j < k; j++)
        {
            p.Initial[j] = gamma[j];
            double o = 0;
            for (int t = 0; t < length; t++)
            {
                o += gamma[(t * k) + j];
            }

            occupancy[j] = o;
        }

        for (int i = 0; i < k; i++)
        {
            double row = 0;
            for (int j = 0; j < k; j++)
            {
                row += xi[(i * k) + j];
            }

            if (row > 0)
            {
                for (int j = 0; j < k; j++)
                {
                    p.Transition[(i * k) + j] = xi[(i * k) + j] / row;
                }
            }
        }

        for (int j = 0; j < k; j++)
        {
            if (!(occupancy[j] > 1e-300))
            {
                continue;
            }

            for (int d = 0; d < dims; d++)
            {
                double s = 0;
                for (int t = 0; t < length; t++)
                {
                    s += gamma[(t * k) + j] * x[(t * dims) + d];
                }

                double mu = s / occupancy[j], v = 0;
                for (int t = 0; t < length; t++)
                {
                    double z = x[(t * dims) + d] - mu;
                    v += gamma[(t * k) + j] * z * z;
                }

                p.Means[(j * dims) + d] = mu;
                p.Variances[(j * dims) + d] = Math.Max(v / occupancy[j], floor[d]);
            }
        }
    }

    private static double[] ColumnVariances(ReadOnlySpan<double> x, int t, int dims)
    {
        double[] variance = new double[dims];
        for (int d = 0; d < dims; d++)
        {
            double s = 0;
            for (int i = 0; i < t; i++)
            {
                s += x[(i * dims) + d];
            }

            double m = s / t, v = 0;
            for (int i = 0; i < t; i++)
            {
                double z = x[(i * dims) + d] - m;
                v += z * z;
            }

            variance[d] = v / t;
        }

        return variance;
    }

    /// <summary>k-means++ seeding on standardised rows (Arthur &amp; Vassilvitskii 2007): the means are K drawn rows, the variances the overall ones, A = 0.9 on the diagonal.</summary>
    private static HmmParameters Initialise(ReadOnlySpan<double> x, int t, int dims, int k, double[] variance, Random random)
    {
        double[] means = new double[k * dims], variances = new double[k * dims], initial = new double[k], transition = new double[k * k];
        double[] nearest = new double[t];
        Array.Fill(nearest, double.PositiveInfinity);
        int chosen = random.Next(t);
        for (int j = 0; j < k; j++)
        {
            x.Slice(chosen * dims, dims).CopyTo(means.AsSpan(j * dims, dims));
            double total = 0;
            for (int i = 0; i < t; i++)
            {
                double dist = 0;
                for (int d = 0; d < dims; d++)
                {
                    double z = x[(i * dims) + d] - means[(j * dims) + d];
                    dist += z * z / variance[d];
                }

                nearest[i] = Math.Min(nearest[i], dist);
                total += nearest[i];
            }

            double u = random.NextDouble() * total;
            chosen = t - 1;
            for (int i = 0; i < t; i++)
            {
                u -= nearest[i];
                if (u < 0)
                {
                    chosen = i;
                    break;
                }
            }
        }

        for (int j = 0; j < k; j++)
        {
            initial[j] = 1.0 / k;
            variance.CopyTo(variances.AsSpan(j * dims, dims));
            for (int i = 0; i < k; i++)
            {
                transition[(j * k) + i] = k == 1 ? 1 : i == j ? 0.9 : 0.1 / (k - 1);
            }
        }

        return new HmmParameters(k, dims, initial, transition, means, variances);
    }

    private static HmmParameters Clone(HmmParameters p) =>
        new(p.States, p.Dimensions, [.. p.Initial], [.. p.Transition], [.. p.Means], [.. p.Variances]);

    private static HmmParameters OrderByVariance(HmmParameters p)
    {
        int k = p.States, dims = p.Dimensions;
        int[] order = new int[k];
        double[] keys = new double[k];
        for (int j = 0; j < k; j++)
        {
            (order[j], keys[j]) = (j, p.Variances[j * dims]);
        }

        Array.Sort(keys, order);
        double[] initial = new double[k], transition = new double[k * k], means = new double[k * dims], variances = new double[k * dims];
        for (int a = 0; a < k; a++)
        {
            int from = order[a];
            initial[a] = p.Initial[from];
            p.Means.AsSpan(from * dims, dims).CopyTo(means.AsSpan(a * dims, dims));
            p.Variances.AsSpan(from * dims, dims).CopyTo(variances.AsSpan(a * dims, dims));
            for (int b = 0; b < k; b++)
            {
                transition[(a * k) + b] = p.Transition[(from * k) + order[b]];
            }
        }

        return new HmmParameters(k, dims, initial, transition, means, variances);
    }
}
