namespace QuantFunctions.Core.Regime;

/// <summary>
/// A fitted regime model: the HMM, the feature schema it was fitted on and the label of each state. This is what the
/// model registry stores; inference refuses observations of another schema.
/// </summary>
/// <param name="FeatureSchema">The features, in column order, with kernel and window (<see cref="RegimeFeatures.Schema"/>).</param>
/// <param name="Window">W of the features.</param>
/// <param name="Parameters">The HMM, states ordered by ascending return variance.</param>
/// <param name="StateLabels">The label of each state (<see cref="RegimeLabels.ForStates"/>).</param>
/// <param name="Metrics">How the fit went.</param>
public sealed record RegimeModel(IReadOnlyList<string> FeatureSchema, int Window, HmmParameters Parameters, IReadOnlyList<RegimeLabel> StateLabels, RegimeFitMetrics Metrics);
