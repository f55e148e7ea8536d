namespace QuantFunctions.Stages.DataOps;

/// <summary>Where <c>dataops.ingest</c> gets its candidates (manifest values <c>provider</c>, <c>screener</c>).</summary>
public enum CandidateDiscovery
{
    /// <summary>The source's own discovery.</summary>
    Provider = 0,

    /// <summary>A screener scan at <see cref="IngestParameters.ScreenerUrl"/>.</summary>
    Screener = 1,
}
