namespace QuantFunctions.Core.Regime;

/// <summary>Regime labels: their spelling, their cluster caps and how HMM states map to them.</summary>
/// <remarks>
/// States are ranked by the variance of their return dimension: the calmest is NORMAL, the most volatile CRISIS, the
/// ones between TURBULENT (so 2 states are NORMAL/CRISIS and 3 are NORMAL/TURBULENT/CRISIS). Cluster caps follow
/// seed 001 §2.3: NORMAL 0.25, TURBULENT 0.20, CRISIS 0.15.
/// </remarks>
public static class RegimeLabels
{
    /// <summary>The artifact spelling, e.g. <c>CRISIS</c>.</summary>
    /// <param name="label">The label.</param>
    public static string Name(RegimeLabel label) => label switch
    {
        RegimeLabel.Normal => "NORMAL",
        RegimeLabel.Turbulent => "TURBULENT",
        _ => "CRISIS",
    };

    /// <summary>Parses an artifact spelling (case-insensitive).</summary>
    /// <param name="name">NORMAL, TURBULENT or CRISIS.</param>
    /// <exception cref="FormatException">Another value.</exception>
    public static RegimeLabel Parse(string name) => name?.ToUpperInvariant() switch
    {
        "NORMAL" => RegimeLabel.Normal,
        "TURBULENT" => RegimeLabel.Turbulent,
        "CRISIS" => RegimeLabel.Crisis,
        _ => throw new FormatException($"'{name}' is not a regime label (NORMAL, TURBULENT, CRISIS)"),
    };

    /// <summary>The maximum total weight of one cluster in the regime: 0.25, 0.20 or 0.15.</summary>
    /// <param name="label">The label.</param>
    public static double ClusterCap(RegimeLabel label) => label switch
    {
        RegimeLabel.Normal => 0.25,
        RegimeLabel.Turbulent => 0.20,
        _ => 0.15,
    };

    /// <summary>The labels of K states ordered by ascending volatility.</summary>
    /// <param name="states">K ≥ 1.</param>
    public static RegimeLabel[] ForStates(int states)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(states, 1);
        var labels = new RegimeLabel[states];
        for (int k = 0; k < states; k++)
        {
            labels[k] = k == 0 ? RegimeLabel.Normal : k == states - 1 ? RegimeLabel.Crisis : RegimeLabel.Turbulent;
        }

        return labels;
    }
}
