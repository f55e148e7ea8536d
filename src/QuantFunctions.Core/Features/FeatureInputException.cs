using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Features;

/// <summary>Bars that cannot be turned into features: names the symbol, column and row.</summary>
public sealed class FeatureInputException : Exception, ICodedError
{
    /// <summary>Creates the exception.</summary>
    public FeatureInputException()
        : this("Invalid feature input.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FeatureInputException(string message)
        : base(message)
    {
        Symbol = string.Empty;
        Column = string.Empty;
        Row = -1;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FeatureInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Symbol = string.Empty;
        Column = string.Empty;
        Row = -1;
    }

    /// <summary>Creates the exception for one bad value.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="column">The column (close, high, low, volume).</param>
    /// <param name="row">The zero-based row.</param>
    /// <param name="value">The offending value.</param>
    /// <param name="constraint">What the value must satisfy.</param>
    public FeatureInputException(string symbol, string column, int row, double value, string constraint)
        : base(FormattableString.Invariant($"Symbol {symbol}: {column}[{row}] = {value} violates '{constraint}'."))
    {
        Symbol = symbol;
        Column = column;
        Row = row;
    }

    /// <summary>The symbol.</summary>
    public string Symbol { get; }

    /// <summary>The column.</summary>
    public string Column { get; }

    /// <summary>The zero-based row, or −1.</summary>
    public int Row { get; }

    /// <summary>Always <see cref="ErrorCodes.InvalidFeatureInput"/>.</summary>
    public ErrorCode Code => ErrorCodes.InvalidFeatureInput;
}
