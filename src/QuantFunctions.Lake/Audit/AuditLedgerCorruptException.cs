using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Audit;

/// <summary>A ledger read or append found a broken chain; <see cref="Verification"/> says where and why.</summary>
public sealed class AuditLedgerCorruptException : LakeException
{
    /// <summary>Creates the error for the ledger at <paramref name="path"/>.</summary>
    public AuditLedgerCorruptException(LakePath path, AuditVerificationResult verification)
        : base($"Audit ledger '{path}' is corrupt: {verification?.Message}", path) => Verification = verification;

    /// <summary>Creates the error.</summary>
    public AuditLedgerCorruptException() { }

    /// <summary>Creates the error.</summary>
    public AuditLedgerCorruptException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public AuditLedgerCorruptException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The verification that failed, when known.</summary>
    public AuditVerificationResult? Verification { get; }

    /// <summary>Always <see cref="ErrorCodes.LedgerCorrupt"/>.</summary>
    public override ErrorCode Code => ErrorCodes.LedgerCorrupt;
}
