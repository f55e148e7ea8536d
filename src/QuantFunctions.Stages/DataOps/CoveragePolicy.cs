namespace QuantFunctions.Stages.DataOps;

/// <summary>What coverage below 100 % after the retry rounds does to an ingestion.</summary>
public enum CoveragePolicy
{
    /// <summary>Ingest what was fetched and mark the run WARN.</summary>
    Warn = 0,

    /// <summary>Fail the ingestion (bronze unchanged), after writing the coverage artifact.</summary>
    Fail = 1,
}
