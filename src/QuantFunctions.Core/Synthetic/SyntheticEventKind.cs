namespace QuantFunctions.Core.Synthetic;

/// <summary>What the generator deliberately injected into a symbol.</summary>
public enum SyntheticEventKind
{
    /// <summary>The symbol lists after the first session.</summary>
    Listing = 1,

    /// <summary>The symbol is delisted before the last session.</summary>
    Delisting = 2,

    /// <summary>Sessions are missing (a hole of one or more sessions).</summary>
    Gap = 3,

    /// <summary>A toxic print: one close far off, the next back.</summary>
    ToxicPrint = 4,

    /// <summary>The symbol's bars stop early without a delisting.</summary>
    Stale = 5,

    /// <summary>The crisis regime (market-wide).</summary>
    Crisis = 6,
}
