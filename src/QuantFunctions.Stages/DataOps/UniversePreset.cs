namespace QuantFunctions.Stages.DataOps;

/// <summary>The universe floors of <c>dataops.ingest</c> (manifest values <c>spot</c>, <c>perp</c>, <c>all</c>).</summary>
public enum UniversePreset
{
    /// <summary>Spot: at least $10M turnover and volatility above 1 %.</summary>
    Spot = 0,

    /// <summary>Perpetuals: at least $50M turnover.</summary>
    Perp = 1,

    /// <summary>No floors.</summary>
    All = 2,
}
