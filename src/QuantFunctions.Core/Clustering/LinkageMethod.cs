namespace QuantFunctions.Core.Clustering;

/// <summary>How the distance between two clusters is derived from the distances between their members.</summary>
public enum LinkageMethod
{
    /// <summary>Nearest members: d(A, B) = min d(a, b).</summary>
    Single,

    /// <summary>Farthest members: d(A, B) = max d(a, b).</summary>
    Complete,

    /// <summary>Mean over member pairs (UPGMA).</summary>
    Average,

    /// <summary>Ward's minimum-variance criterion (Lance-Williams form, as SciPy).</summary>
    Ward,
}
