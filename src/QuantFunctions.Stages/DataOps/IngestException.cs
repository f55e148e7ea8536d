namespace QuantFunctions.Stages.DataOps;

/// <summary>An ingestion failed (invalid bars in strict mode, coverage below policy, nothing to ingest); bronze is left unchanged.</summary>
public sealed class IngestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IngestException(string message) : base(message) { }

    /// <summary>Creates the exception with an inner cause.</summary>
    public IngestException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception with a default message.</summary>
    public IngestException() : base("ingestion failed") { }
}
