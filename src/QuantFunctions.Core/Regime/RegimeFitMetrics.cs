namespace QuantFunctions.Core.Regime;

/// <summary>Fit metrics of a regime model (recorded in the model registry).</summary>
/// <param name="LogLikelihood">ln L of the training features under the model.</param>
/// <param name="Bic">Bayesian information criterion p·ln T − 2 ln L, p = free parameters.</param>
/// <param name="Iterations">Baum-Welch iterations of the winning restart.</param>
/// <param name="Converged">Whether it converged before the iteration limit.</param>
/// <param name="BestRestart">The winning restart.</param>
/// <param name="Restarts">Restarts run.</param>
/// <param name="TrainingRows">Feature rows fitted on (after the warm-up).</param>
/// <param name="WarmupDropped">Leading days without a full feature window (dropped, counted).</param>
public sealed record RegimeFitMetrics(double LogLikelihood, double Bic, int Iterations, bool Converged, int BestRestart, int Restarts, int TrainingRows, int WarmupDropped);
