using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Datasets;

/// <summary>A dataset does not have the columns, types or values its reader needs; the message names dataset and column.</summary>
public sealed class DatasetSchemaException : Exception, ICodedError
{
    /// <summary>Creates the error.</summary>
    public DatasetSchemaException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public DatasetSchemaException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the error.</summary>
    public DatasetSchemaException() : base("dataset schema error") { }

    /// <summary>Always <see cref="ErrorCodes.DatasetSchemaMismatch"/>.</summary>
    public ErrorCode Code => ErrorCodes.DatasetSchemaMismatch;
}
