using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Trading;

/// <summary>
/// Bad input to order sizing or paper trading, or a request the paper book's state refuses;
/// <see cref="DomainValidationException.Code"/> is <see cref="ErrorCodes.TradingInvalidInput"/>,
/// <see cref="ErrorCodes.TradingMissingPrice"/> or <see cref="ErrorCodes.TradingBookState"/>.
/// </summary>
public sealed class TradingException : DomainValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="message">What is wrong and where.</param>
    public TradingException(ErrorCode code, string message)
        : base(code, message)
    {
    }

    /// <summary>Creates an <see cref="ErrorCodes.TradingInvalidInput"/> exception.</summary>
    public TradingException()
        : this(ErrorCodes.TradingInvalidInput, "invalid trading input")
    {
    }

    /// <summary>Creates an <see cref="ErrorCodes.TradingInvalidInput"/> exception.</summary>
    /// <param name="message">What is wrong and where.</param>
    public TradingException(string message)
        : this(ErrorCodes.TradingInvalidInput, message)
    {
    }

    /// <summary>Creates an <see cref="ErrorCodes.TradingInvalidInput"/> exception wrapping another.</summary>
    /// <param name="message">What is wrong and where.</param>
    /// <param name="innerException">The cause.</param>
    public TradingException(string message, Exception innerException)
        : base(ErrorCodes.TradingInvalidInput, message, innerException)
    {
    }
}
