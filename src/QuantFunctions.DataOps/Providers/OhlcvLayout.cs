namespace QuantFunctions.DataOps.Providers;

/// <summary>How OHLCV files are laid out.</summary>
public enum OhlcvLayout
{
    /// <summary>One file per symbol (the file name is the ticker), e.g. <c>Date,Open,High,Low,Close,Adj Close,Volume</c>.</summary>
    PerSymbol = 0,

    /// <summary>Long format: a symbol column and one row per symbol and date, e.g. <c>symbol,ts,open,high,low,close,volume</c>.</summary>
    Long = 1,
}
