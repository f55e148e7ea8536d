namespace QuantFunctions.Cli.Infrastructure;

/// <summary>A command was called wrongly (bad argument value, missing input); exit code 2.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the error.</summary>
    public UsageException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public UsageException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the error.</summary>
    public UsageException() : base("usage error") { }
}
