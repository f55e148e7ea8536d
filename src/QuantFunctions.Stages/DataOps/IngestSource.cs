namespace QuantFunctions.Stages.DataOps;

/// <summary>Where <c>dataops.ingest</c> gets its bars (manifest values <c>synthetic</c>, <c>files</c>, <c>binance</c>).</summary>
public enum IngestSource
{
    /// <summary>The seeded offline market generator.</summary>
    Synthetic = 0,

    /// <summary>A file or folder of CSV/Parquet bars (<see cref="IngestParameters.Path"/>).</summary>
    Files = 1,

    /// <summary>The Binance spot REST API (<see cref="IngestParameters.BaseUrl"/>).</summary>
    Binance = 2,
}
