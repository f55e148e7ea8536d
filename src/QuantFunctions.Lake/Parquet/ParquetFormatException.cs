using System.Globalization;
using System.Text;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// A Parquet file is malformed (truncated, wrong magic, corrupt footer or Thrift, page sizes past the
/// end, dictionary index out of range, bad compressed data, checksum mismatch), or declares sizes that would exceed the
/// read budget (<see cref="ReadBudget"/>). Names the file, row
/// group, column and byte offset where known.
/// </summary>
public sealed class ParquetFormatException : Exception, ICodedError
{
    /// <summary>Creates the error.</summary>
    public ParquetFormatException(string reason, string? file = null, int? rowGroup = null, string? column = null, long? offset = null, Exception? inner = null, long? readBudget = null)
        : base(Compose(reason, file, rowGroup, column, offset), inner)
    {
        Reason = reason;
        File = file;
        RowGroup = rowGroup;
        Column = column;
        Offset = offset;
        ReadBudget = readBudget;
    }

    /// <summary>Creates the error.</summary>
    public ParquetFormatException() : this("malformed Parquet data") { }

    /// <summary>Creates the error.</summary>
    public ParquetFormatException(string message) : this(message, file: null) { }

    /// <summary>Creates the error.</summary>
    public ParquetFormatException(string message, Exception inner) : this(message, null, null, null, null, inner) { }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The file name, when known.</summary>
    public string? File { get; }

    /// <summary>The row group index, when known.</summary>
    public int? RowGroup { get; }

    /// <summary>The column name, when known.</summary>
    public string? Column { get; }

    /// <summary>The absolute byte offset in the file, when known.</summary>
    public long? Offset { get; }

    /// <summary>
    /// The read budget in bytes (<see cref="ParquetReaderOptions.MaxReadBytes"/>) when this error is a read refused because
    /// the file's declared sizes would exceed it; null for every other malformation.
    /// </summary>
    public long? ReadBudget { get; }

    /// <summary>Returns this error with the missing location parts filled in.</summary>
    internal ParquetFormatException WithContext(string? file, int? rowGroup = null, string? column = null, long? offset = null) =>
        (File is null && file is not null) || (RowGroup is null && rowGroup is not null) || (Column is null && column is not null) || (Offset is null && offset is not null)
            ? new ParquetFormatException(Reason, File ?? file, RowGroup ?? rowGroup, Column ?? column, Offset ?? offset, InnerException, ReadBudget)
            : this;

    private static string Compose(string reason, string? file, int? rowGroup, string? column, long? offset)
    {
        var sb = new StringBuilder("Invalid Parquet data");
        if (file is not null)
        {
            sb.Append(" in '").Append(file).Append('\'');
        }

        if (rowGroup is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", row group {rowGroup}");
        }

        if (column is not null)
        {
            sb.Append(", column '").Append(column).Append('\'');
        }

        if (offset is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $", byte offset {offset}");
        }

        return sb.Append(": ").Append(reason).ToString();
    }

    /// <summary><see cref="ErrorCodes.ParquetReadBudgetExceeded"/> when <see cref="ReadBudget"/> is set, else <see cref="ErrorCodes.ParquetMalformed"/>.</summary>
    public ErrorCode Code => ReadBudget is null ? ErrorCodes.ParquetMalformed : ErrorCodes.ParquetReadBudgetExceeded;
}
