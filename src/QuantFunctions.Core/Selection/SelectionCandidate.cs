namespace QuantFunctions.Core.Selection;

/// <summary>One asset of the universe as selection saw it.</summary>
/// <param name="Symbol">The asset.</param>
/// <param name="Score">The standard's score, higher = better for the sleeve's direction; NaN when not scored.</param>
/// <param name="Qualified">Whether the standard's own filter passed (v4 percentile, v5 regime and cross, v5.1 ADX and breakout).</param>
/// <param name="Cluster">Ward cluster (1-based) of its raw returns; 0 when dropped by the gate.</param>
/// <param name="Vetoes">Every reason recorded for it (gate drops, hard and predictability vetoes), in check order; empty when clean.</param>
/// <param name="Observations">Returns observed in the history window.</param>
public sealed record SelectionCandidate(string Symbol, double Score, bool Qualified, int Cluster, IReadOnlyList<string> Vetoes, int Observations)
{
    /// <summary>Dropped by the Foundation Gate.</summary>
    public bool GateDropped => Vetoes.Count > 0 && VetoReasons.IsGate(Vetoes[0]);

    /// <summary>Passed the gate and every veto HTR never relaxes, with a finite score.</summary>
    public bool Healthy
    {
        get
        {
            foreach (string v in Vetoes)
            {
                if (!VetoReasons.IsPredictability(v))
                {
                    return false;
                }
            }

            return !double.IsNaN(Score);
        }
    }

    /// <summary>The first reason, or null when clean (the selection table's <c>veto</c> column).</summary>
    public string? Veto => Vetoes.Count > 0 ? Vetoes[0] : null;
}
