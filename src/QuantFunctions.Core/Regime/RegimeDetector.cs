using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Regime;

/// <summary>
/// Regime detection on a market (index or equal-weight) return series: features (<see cref="RegimeFeatures"/>), a
/// Gaussian HMM fitted by Baum-Welch (<see cref="GaussianHmm"/>), Viterbi labels and the volatility quadrant.
/// </summary>
public static class RegimeDetector
{
    /// <summary>Fits a regime model on <paramref name="returns"/>.</summary>
    /// <param name="returns">Benchmark returns, oldest first.</param>
    /// <param name="options">Options (defaults when null).</param>
    /// <exception cref="DomainValidationException">Invalid options, too few or non-finite returns.</exception>
    public static RegimeModel Fit(ReadOnlySpan<double> returns, RegimeOptions? options = null)
    {
        options ??= new RegimeOptions();
        options.Validate();
        RegimeFeatureMatrix features = RegimeFeatures.Compute(returns, options.Window);
        int dims = features.Names.Count;
        HmmFit fit = GaussianHmm.Fit(features.Values, dims, options.Fit);
        int k = fit.Parameters.States;
        int free = (k - 1) + (k * (k - 1)) + (2 * k * dims);
        double bic = (free * Math.Log(features.Rows)) - (2 * fit.LogLikelihood);
        var metrics = new RegimeFitMetrics(fit.LogLikelihood, bic, fit.Iterations, fit.Converged, fit.BestRestart, fit.Restarts, features.Rows, features.FirstRow);
        return new RegimeModel(RegimeFeatures.Schema(options.Window), options.Window, fit.Parameters, RegimeLabels.ForStates(k), metrics);
    }

    /// <summary>Labels every day of <paramref name="returns"/> (after the warm-up) with <paramref name="model"/>.</summary>
    /// <param name="model">A fitted model whose schema is <see cref="RegimeFeatures"/>' for its window.</param>
    /// <param name="dates">The day of each return.</param>
    /// <param name="returns">Benchmark returns, oldest first.</param>
    /// <exception cref="DomainValidationException">Lengths differ, the model's schema is not this detector's, or the returns are invalid.</exception>
    public static RegimeSeries Decode(RegimeModel model, ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> returns)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (dates.Length != returns.Length)
        {
            throw new DomainValidationException(ErrorCodes.ShapeMismatch, $"Regime: {dates.Length} dates for {returns.Length} returns.");
        }

        RequireSchema(model);
        RegimeFeatureMatrix features = RegimeFeatures.Compute(returns, model.Window);
        int[] states = GaussianHmm.Viterbi(model.Parameters, features.Values);
        VolatilityQuadrant[] all = VolatilityQuadrants.Classify(returns);
        var labels = new RegimeLabel[features.Rows];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = model.StateLabels[states[i]];
        }

        return new RegimeSeries(
            dates[features.FirstRow..].ToArray(), states, labels, all[features.FirstRow..], features.FirstRow);
    }

    /// <summary>
    /// The regime as known on the last day of <paramref name="returns"/>: the state with the highest filtered
    /// (forward-pass) probability on that day (<see cref="GaussianHmm.Filter"/>), so no return after it is read; null when
    /// the series is too short for the model's feature window.
    /// </summary>
    /// <param name="model">A fitted model whose schema is <see cref="RegimeFeatures"/>' for its window.</param>
    /// <param name="returns">Benchmark returns up to the decision day, oldest first.</param>
    /// <exception cref="DomainValidationException">The model's schema is not this detector's, or the returns are invalid.</exception>
    public static RegimeLabel? KnownAt(RegimeModel model, ReadOnlySpan<double> returns)
    {
        RequireSchema(model);

        if (returns.Length < model.Window + 1)
        {
            return null;
        }

        RegimeFeatureMatrix features = RegimeFeatures.Compute(returns, model.Window);
        double[] filtered = GaussianHmm.Filter(model.Parameters, features.Values);
        int k = model.Parameters.States, last = (features.Rows - 1) * k, best = 0;
        for (int j = 1; j < k; j++)
        {
            best = filtered[last + j] > filtered[last + best] ? j : best;
        }

        return model.StateLabels[best];
    }

    // The model must have been fitted on this detector's features for its window, with a label per state.
    private static void RequireSchema(RegimeModel model)
    {
        IReadOnlyList<string> expected = RegimeFeatures.Schema(model.Window);
        if (!SameSchema(expected, model.FeatureSchema) || model.StateLabels.Count != model.Parameters.States)
        {
            throw new DomainValidationException(ErrorCodes.ShapeMismatch, $"Regime: the model's feature schema [{string.Join(", ", model.FeatureSchema)}] is not [{string.Join(", ", expected)}].");
        }
    }

    /// <summary>Whether two feature schemas are the same names in the same order.</summary>
    /// <param name="a">One schema.</param>
    /// <param name="b">The other.</param>
    public static bool SameSchema(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
