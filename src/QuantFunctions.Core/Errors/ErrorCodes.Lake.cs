namespace QuantFunctions.Core.Errors;

/// <content>The lake store, its paths, datasets, Parquet files and the audit ledger.</content>
public static partial class ErrorCodes
{
    /// <summary>The lake object does not exist.</summary>
    public static readonly ErrorCode LakeNotFound = new("lake.not_found", ErrorCategory.NotFound);

    /// <summary>A create-only write found an existing object (outputs and manifest versions are immutable), or a conditional write found another version.</summary>
    public static readonly ErrorCode LakeConflict = new("lake.conflict", ErrorCategory.Conflict);

    /// <summary>A write outside what the lake view allows, or storage refused the credentials.</summary>
    public static readonly ErrorCode LakeAccessDenied = new("lake.access_denied", ErrorCategory.AccessDenied);

    /// <summary>The lake's storage failed or is unreachable (after the retries), or a container is missing.</summary>
    public static readonly ErrorCode LakeUnavailable = new("lake.unavailable", ErrorCategory.Unavailable);

    /// <summary>A path does not follow the lake grammar (layer, identifiers, partitions, reserved names).</summary>
    public static readonly ErrorCode InvalidLakePath = new("lake.invalid_path", ErrorCategory.InvalidInput);

    /// <summary>A dataset does not have the columns, types or values its reader needs.</summary>
    public static readonly ErrorCode DatasetSchemaMismatch = new("dataset.schema_mismatch", ErrorCategory.InvalidInput);

    /// <summary>A Parquet file is malformed (truncated, bad magic, corrupt footer or pages, checksum mismatch).</summary>
    public static readonly ErrorCode ParquetMalformed = new("parquet.malformed", ErrorCategory.InvalidInput);

    /// <summary>A Parquet file declares sizes that would exceed the read budget.</summary>
    public static readonly ErrorCode ParquetReadBudgetExceeded = new("parquet.read_budget_exceeded", ErrorCategory.InvalidInput);

    /// <summary>A valid Parquet file uses a feature the codec does not implement (a compression codec, an encoding, a nested schema).</summary>
    public static readonly ErrorCode ParquetUnsupported = new("parquet.unsupported", ErrorCategory.InvalidInput);

    /// <summary>An audit ledger's hash chain is broken.</summary>
    public static readonly ErrorCode LedgerCorrupt = new("ledger.corrupt", ErrorCategory.DataQuality);
}
