namespace QuantFunctions.Lake.Audit;

/// <summary>
/// The tip of a ledger: how many entries it has and the last entry's hash. Recorded elsewhere (e.g. in
/// <c>run.json</c>), it lets a verifier detect entries cut off the end, which the chain alone cannot show.
/// </summary>
/// <param name="Count">Number of entries.</param>
/// <param name="LastHash">Hash of the last entry (the genesis hash, 64 zeros, when empty).</param>
public sealed record AuditLedgerHead(long Count, string LastHash);
