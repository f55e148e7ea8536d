namespace QuantFunctions.Core.Selection;

/// <summary>The names of the scoring standards (docs/selection.md gives each formula).</summary>
public static class SelectionStandards
{
    /// <summary>CARS 2.1: additive rank-sum of normalised factors.</summary>
    public const string V21 = "v2.1";

    /// <summary>Log-MPS 3.2: additive log-probabilities.</summary>
    public const string V32 = "v3.2";

    /// <summary>HTR v3.4: the relaxation loop every standard runs under; as a standard name it means HTR over <see cref="V4"/>.</summary>
    public const string V34 = "v3.4";

    /// <summary>v4: percentile filter on momentum (long descending, short ascending).</summary>
    public const string V4 = "v4";

    /// <summary>v5: trend regime vs SMA(200) and the VWMA(20) × SMA(200) cross.</summary>
    public const string V5 = "v5";

    /// <summary>v5.1: ADX strength with DI direction and a Donchian breakout.</summary>
    public const string V51 = "v5.1";

    /// <summary>Every scoring standard name (v3.4 is accepted as an alias of v4 under HTR, see <see cref="Canonical"/>).</summary>
    public static IReadOnlyList<string> All { get; } = [V21, V32, V34, V4, V5, V51];

    /// <summary>Whether <paramref name="name"/> is a standard.</summary>
    public static bool IsKnown(string? name) => name is not null && All.Contains(name, StringComparer.Ordinal);

    /// <summary>The scorer a name runs: v3.4 (the seeds' default, HTR over v4) scores with v4.</summary>
    public static string Canonical(string name) => string.Equals(name, V34, StringComparison.Ordinal) ? V4 : name;
}
