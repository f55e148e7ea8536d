namespace QuantFunctions.Core.Errors;

/// <content>Orders, the paper broker, risk limits, run validation and promotion (issue 16).</content>
public static partial class ErrorCodes
{
    /// <summary>Order-sizing or paper-trading input that cannot be used: a non-finite weight, a bad venue rule, a bad positions file.</summary>
    public static readonly ErrorCode TradingInvalidInput = new("trading.invalid_input", ErrorCategory.InvalidInput);

    /// <summary>A symbol to be traded or marked has no usable price (none on or before the date, or not positive).</summary>
    public static readonly ErrorCode TradingMissingPrice = new("trading.missing_price", ErrorCategory.DataQuality);

    /// <summary>The paper book is in a state that refuses the request: a resume with no tripped limit, a step before the book's last day.</summary>
    public static readonly ErrorCode TradingBookState = new("trading.book_state", ErrorCategory.Conflict);
}
