using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Synthetic;

/// <summary>The generator's output: metadata, bars and the injected events.</summary>
/// <param name="Assets">Candidate metadata, one per symbol, ordered by market then ticker.</param>
/// <param name="Bars">Daily OHLCV per symbol, in the same order as <paramref name="Assets"/>.</param>
/// <param name="Events">Injected events (listings, delistings, gaps, toxic prints, stale symbols, crisis).</param>
public sealed record SyntheticMarket(IReadOnlyList<AssetInfo> Assets, IReadOnlyList<BarSeries> Bars, IReadOnlyList<SyntheticEvent> Events);
