namespace QuantFunctions.Core.Regime;

/// <summary>The outcome of <see cref="GaussianHmm.Fit"/>: the best restart's parameters and how it got there.</summary>
/// <param name="Parameters">The fitted model, states ordered by ascending variance of dimension 0.</param>
/// <param name="LogLikelihood">ln P(observations | parameters).</param>
/// <param name="Iterations">Baum-Welch iterations of the best restart.</param>
/// <param name="Converged">Whether the best restart met the tolerance before the iteration limit.</param>
/// <param name="BestRestart">Which restart (0-based) won.</param>
/// <param name="Restarts">Restarts run.</param>
/// <param name="Trace">The best restart's log-likelihood before each iteration and after the last (never decreasing).</param>
public sealed record HmmFit(HmmParameters Parameters, double LogLikelihood, int Iterations, bool Converged, int BestRestart, int Restarts, IReadOnlyList<double> Trace);
