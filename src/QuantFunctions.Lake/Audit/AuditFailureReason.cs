namespace QuantFunctions.Lake.Audit;

/// <summary>Why a ledger failed verification.</summary>
public enum AuditFailureReason
{
    /// <summary>A line is not a well-formed ledger entry (bad JSON, missing or mistyped field, missing final newline).</summary>
    MalformedLine = 0,

    /// <summary>An entry's <c>seq</c> is not its position (a line was deleted, inserted or reordered).</summary>
    SequenceMismatch,

    /// <summary>An entry's <c>prev_hash</c> is not the previous entry's hash.</summary>
    PrevHashMismatch,

    /// <summary>An entry's <c>hash</c> does not match its content (the entry was edited).</summary>
    HashMismatch,

    /// <summary>The ledger ends before the expected head (entries were cut off the end).</summary>
    HeadMismatch,
}
