namespace QuantFunctions.Stages.Promotion;

/// <summary>One check or gate: its id, outcome, the lake path of its evidence and what was found.</summary>
/// <param name="Gate">The stable id (e.g. <c>paper_burn_in</c>).</param>
/// <param name="Status">The outcome.</param>
/// <param name="Evidence">The lake path read (or expected) as evidence.</param>
/// <param name="Detail">What was found, in one line.</param>
public sealed record GateResult(string Gate, GateStatus Status, string Evidence, string Detail)
{
    /// <summary>Whether the gate counts as passed (<see cref="GateStatus.Pass"/> or <see cref="GateStatus.Waived"/>).</summary>
    public bool Passed => Status is GateStatus.Pass or GateStatus.Waived;
}
