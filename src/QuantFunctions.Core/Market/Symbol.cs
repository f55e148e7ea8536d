using QuantFunctions.Core.Errors;

namespace QuantFunctions.Core.Market;

/// <summary>
/// A canonical instrument identifier <c>EXCHANGE:SYMBOL</c> (e.g. <c>BINANCE:BTCUSDT</c>,
/// <c>XNYS:AAPL</c>). The exchange is 1–32 characters of <c>[A-Z0-9_]</c>; the ticker is 1–64
/// characters of <c>[A-Z0-9._-]</c>. Parsing is strict: lower case, spaces or a missing prefix are
/// errors, never silently fixed. Ordering is ordinal on the full string.
/// </summary>
public readonly record struct Symbol : IComparable<Symbol>
{
    private const int MaxExchangeLength = 32;
    private const int MaxTickerLength = 64;

    private Symbol(string value, int separator)
    {
        Value = value;
        Exchange = value[..separator];
        Ticker = value[(separator + 1)..];
    }

    /// <summary>The canonical string <c>EXCHANGE:SYMBOL</c>.</summary>
    public string Value { get; }

    /// <summary>The exchange prefix (before the colon).</summary>
    public string Exchange { get; }

    /// <summary>The ticker (after the colon).</summary>
    public string Ticker { get; }

    /// <summary>Parses a canonical symbol.</summary>
    /// <param name="value">The text, e.g. <c>XNYS:AAPL</c>.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="DomainValidationException">Code <see cref="ErrorCodes.InvalidSymbol"/> when not canonical.</exception>
    public static Symbol Parse(string value) =>
        TryParse(value, out Symbol symbol, out string? reason)
            ? symbol
            : throw new DomainValidationException(ErrorCodes.InvalidSymbol, $"Symbol '{value}' is not canonical EXCHANGE:SYMBOL: {reason}.");

    /// <summary>Builds a symbol from its two parts.</summary>
    /// <param name="exchange">The exchange prefix.</param>
    /// <param name="ticker">The ticker.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="DomainValidationException">When either part is invalid.</exception>
    public static Symbol Create(string exchange, string ticker) => Parse(exchange + ":" + ticker);

    /// <summary>Tries to parse a canonical symbol.</summary>
    /// <param name="value">The text.</param>
    /// <param name="symbol">The parsed symbol when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string? value, out Symbol symbol) => TryParse(value, out symbol, out _);

    private static bool TryParse(string? value, out Symbol symbol, out string? reason)
    {
        symbol = default;
        if (string.IsNullOrEmpty(value))
        {
            reason = "it is empty";
            return false;
        }

        int separator = value.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0 || value.IndexOf(':', separator + 1) >= 0)
        {
            reason = "it needs exactly one ':' between exchange and ticker";
            return false;
        }

        ReadOnlySpan<char> exchange = value.AsSpan(0, separator);
        ReadOnlySpan<char> ticker = value.AsSpan(separator + 1);
        if (exchange.Length is 0 or > MaxExchangeLength)
        {
            reason = $"the exchange must have 1..{MaxExchangeLength} characters";
            return false;
        }

        if (ticker.Length is 0 or > MaxTickerLength)
        {
            reason = $"the ticker must have 1..{MaxTickerLength} characters";
            return false;
        }

        foreach (char c in exchange)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                reason = $"the exchange has the character '{c}' (allowed: A-Z 0-9 _)";
                return false;
            }
        }

        foreach (char c in ticker)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
            {
                reason = $"the ticker has the character '{c}' (allowed: A-Z 0-9 . _ -)";
                return false;
            }
        }

        reason = null;
        symbol = new Symbol(value, separator);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(Symbol other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Ordinal less-than.</summary>
    public static bool operator <(Symbol left, Symbol right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal greater-than.</summary>
    public static bool operator >(Symbol left, Symbol right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal less-or-equal.</summary>
    public static bool operator <=(Symbol left, Symbol right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal greater-or-equal.</summary>
    public static bool operator >=(Symbol left, Symbol right) => left.CompareTo(right) >= 0;
}
