using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.DataQuality;

/// <summary>Thrown in strict mode when a symbol would be dropped; names the symbol and the rule.</summary>
public sealed class HealthCheckException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public HealthCheckException()
        : this("Health check failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public HealthCheckException(string message)
        : base(message)
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HealthCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
        Symbol = string.Empty;
    }

    /// <summary>Creates the exception for a dropping reason.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="reason">The first reason that drops it.</param>
    public HealthCheckException(string symbol, HealthReason reason)
        : base(FormattableString.Invariant(
            $"Symbol {symbol} failed health rule {reason?.Rule}{(reason?.Timestamp is { } ts ? $" at {ts:yyyy-MM-dd}" : string.Empty)}: {reason?.Detail}"))
    {
        ArgumentNullException.ThrowIfNull(reason);
        Symbol = symbol;
        Rule = reason.Rule;
        Reason = reason;
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>The rule that failed.</summary>
    public HealthRule? Rule { get; }

    /// <summary>The full reason.</summary>
    public HealthReason? Reason { get; }

    /// <summary>Always <see cref="ErrorCodes.HealthCheckFailed"/>; <see cref="Rule"/> says which rule.</summary>
    public ErrorCode Code => ErrorCodes.HealthCheckFailed;
}
