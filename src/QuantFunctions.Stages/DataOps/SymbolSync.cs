namespace QuantFunctions.Stages.DataOps;

/// <summary>One symbol's sync: bronze's last bar before and after, the rows added and why it has its status.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Status">The outcome.</param>
/// <param name="LastBefore">Bronze's last bar date before the sync (null when none).</param>
/// <param name="LastAfter">The last bar date after the sync (null when none).</param>
/// <param name="NewRows">Rows added to bronze.</param>
/// <param name="Detail">Why (e.g. "sync returned no new bars"), or the fetch error.</param>
public sealed record SymbolSync(string Symbol, SymbolSyncStatus Status, DateOnly? LastBefore, DateOnly? LastAfter, int NewRows, string? Detail);
