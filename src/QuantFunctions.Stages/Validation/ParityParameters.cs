using System.ComponentModel.DataAnnotations;
using QuantFunctions.Stages.Meta;

namespace QuantFunctions.Stages.Validation;

/// <summary>
/// Parameters of <c>validate.parity</c>: the meta-portfolio's own parameters (as its <c>meta.aggregate</c> node has them,
/// so the same decisions are rebuilt) and the largest friction decay accepted.
/// </summary>
public sealed record ParityParameters : AggregateParameters
{
    /// <summary>The largest friction decay (T2's gross minus net Sharpe ratio, Sharpe points) within bounds.</summary>
    /// <value>Default 0.5.</value>
    [Range(0.0, 100.0)]
    public double MaxFrictionDecay { get; init; } = 0.5;
}
