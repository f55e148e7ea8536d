namespace QuantFunctions.Core.Allocation;

/// <summary>One line of a constraint report.</summary>
/// <param name="Name">The constraint, e.g. <c>bounds:AAPL</c>, <c>budget</c>, <c>beta_neutrality</c>, <c>cluster_cap:3</c>.</param>
/// <param name="Value">The constrained quantity at the solution (e.g. wᵢ, Σw, wᵀβ).</param>
/// <param name="Lower">Its lower limit (−∞ when none).</param>
/// <param name="Upper">Its upper limit (+∞ when none).</param>
/// <param name="Slack">min(Value − Lower, Upper − Value): negative when violated.</param>
/// <param name="Passed">Whether Slack ≥ −tolerance.</param>
public sealed record ConstraintCheck(string Name, double Value, double Lower, double Upper, double Slack, bool Passed);
