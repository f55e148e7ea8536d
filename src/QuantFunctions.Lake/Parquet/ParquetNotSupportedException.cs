using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// A valid Parquet file uses a feature this codec does not implement (a codec such as ZSTD or LZ4, an
/// encoding, a nested schema). Names the feature, and the file and column where known.
/// </summary>
public sealed class ParquetNotSupportedException : NotSupportedException, ICodedError
{
    /// <summary>Creates the error.</summary>
    public ParquetNotSupportedException(string feature, string? file = null, string? column = null)
        : base($"Parquet feature not supported{(file is null ? "" : $" in '{file}'")}{(column is null ? "" : $", column '{column}'")}: {feature}")
    {
        Feature = feature;
        File = file;
        Column = column;
    }

    /// <summary>Creates the error.</summary>
    public ParquetNotSupportedException() : this("unspecified feature") { }

    /// <summary>Creates the error.</summary>
    public ParquetNotSupportedException(string message, Exception inner) : base(message, inner) => Feature = message;

    /// <summary>The unsupported feature (e.g. "codec ZSTD").</summary>
    public string Feature { get; }

    /// <summary>The file name, when known.</summary>
    public string? File { get; }

    /// <summary>The column name, when known.</summary>
    public string? Column { get; }

    /// <summary>Returns this error with the missing location parts filled in.</summary>
    internal ParquetNotSupportedException WithContext(string? file, string? column = null) =>
        (File is null && file is not null) || (Column is null && column is not null)
            ? new ParquetNotSupportedException(Feature, File ?? file, Column ?? column)
            : this;

    /// <summary>Always <see cref="ErrorCodes.ParquetUnsupported"/>.</summary>
    public ErrorCode Code => ErrorCodes.ParquetUnsupported;
}
