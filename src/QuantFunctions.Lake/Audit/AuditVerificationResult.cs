namespace QuantFunctions.Lake.Audit;

/// <summary>The outcome of <see cref="AuditLedgerVerifier"/>.</summary>
/// <param name="EntryCount">Entries that verified before the first failure (all of them when valid).</param>
/// <param name="Head">The head of the verified prefix.</param>
/// <param name="Failure">Why verification failed, or null when the ledger is intact.</param>
/// <param name="FailedSequence">The sequence number (0-based position) of the first broken entry, or null.</param>
/// <param name="FailedLine">The 1-based line number of the first broken entry, or null.</param>
/// <param name="Message">A human-readable explanation; empty when valid.</param>
public sealed record AuditVerificationResult(
    long EntryCount,
    AuditLedgerHead Head,
    AuditFailureReason? Failure,
    long? FailedSequence,
    int? FailedLine,
    string Message)
{
    /// <summary>True when every entry verified (and the expected head matched, when one was given).</summary>
    public bool IsValid => Failure is null;
}
