using QuantFunctions.Core.Errors;

namespace QuantFunctions.Stages.DataOps;

/// <summary>An ingestion failed (invalid bars in strict mode, coverage below policy, nothing to ingest); bronze is left unchanged.</summary>
public sealed class IngestException : Exception, ICodedError
{
    /// <summary>Creates the exception with a code of <see cref="ErrorCodes"/> (<c>ingest.*</c>).</summary>
    public IngestException(ErrorCode code, string message, Exception? inner = null) : base(message, inner) => Code = code;

    /// <summary>Creates the exception (<see cref="ErrorCodes.IngestFailed"/>).</summary>
    public IngestException(string message) : this(ErrorCodes.IngestFailed, message) { }

    /// <summary>Creates the exception with an inner cause (<see cref="ErrorCodes.IngestFailed"/>).</summary>
    public IngestException(string message, Exception inner) : this(ErrorCodes.IngestFailed, message, inner) { }

    /// <summary>Creates the exception with a default message.</summary>
    public IngestException() : this("ingestion failed") { }

    /// <summary>
    /// <see cref="ErrorCodes.IngestInvalidBars"/>, <see cref="ErrorCodes.IngestCoverageBelowPolicy"/> or
    /// <see cref="ErrorCodes.IngestFailed"/>.
    /// </summary>
    public ErrorCode Code { get; }
}
