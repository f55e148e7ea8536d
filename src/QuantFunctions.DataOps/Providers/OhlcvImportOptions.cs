using QuantFunctions.Core.Market;

namespace QuantFunctions.DataOps.Providers;

/// <summary>How to read a user's OHLCV files. Validated at construction.</summary>
public sealed record OhlcvImportOptions
{
    private readonly string _market = "XNYS";

    /// <summary>The exchange prefix given to bare tickers (e.g. <c>XNYS</c>, <c>BINANCE</c>).</summary>
    /// <exception cref="ArgumentException">Not a valid exchange code.</exception>
    public string Market
    {
        get => _market;
        init => _market = Symbol.TryParse(value + ":X", out _) ? value : throw new ArgumentException($"market '{value}' is not an exchange code (A-Z 0-9 _)", nameof(Market));
    }

    /// <summary>The file layout.</summary>
    public OhlcvLayout Layout { get; init; } = OhlcvLayout.PerSymbol;

    /// <summary>The header mapping.</summary>
    public OhlcvColumnMap Map { get; init; } = new();

    /// <summary>True: a malformed row is an error; false: it is dropped and recorded as a <see cref="RowIssue"/>.</summary>
    public bool Strict { get; init; } = true;

    /// <summary>The asset type reported by discovery (e.g. <c>equity</c>, <c>spot</c>).</summary>
    public string AssetType { get; init; } = "equity";
}
