using QuantFunctions.Core.Market;

namespace QuantFunctions.Lake.Providers;

/// <summary>
/// Daily bars of one symbol exactly as a provider returned them, before validation: dates may be
/// duplicated or out of order and prices may be NaN, negative or inconsistent. <see cref="Origins"/>
/// names where each row came from (<c>file:line</c>, <c>GET …#row</c>) for error messages.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Dates">Bar dates (UTC day), as delivered.</param>
/// <param name="Open">Open prices.</param>
/// <param name="High">High prices.</param>
/// <param name="Low">Low prices.</param>
/// <param name="Close">Close prices.</param>
/// <param name="Volume">Volumes.</param>
/// <param name="Origins">Per row, where it came from.</param>
public sealed record RawBars(Symbol Symbol, DateOnly[] Dates, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume, RowOrigins Origins)
{
    /// <summary>The number of rows.</summary>
    public int Count => Dates.Length;

    /// <summary>An empty batch for <paramref name="symbol"/>.</summary>
    public static RawBars Empty(Symbol symbol) => new(symbol, [], [], [], [], [], [], RowOrigins.None);
}
