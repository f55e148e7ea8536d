namespace QuantFunctions.Stages.DataOps;

/// <summary>The outcome of syncing one symbol.</summary>
public enum SymbolSyncStatus
{
    /// <summary>New bars were ingested and the symbol is fresh.</summary>
    Updated = 0,

    /// <summary>No new bar was due: bronze already covers the range within the freshness tolerance.</summary>
    UpToDate = 1,

    /// <summary>The symbol's last bar is older than the freshness tolerance after the sync (including a sync that returned no new bars); never marked fresh.</summary>
    Stale = 2,

    /// <summary>Every fetch attempt failed.</summary>
    Failed = 3,
}
