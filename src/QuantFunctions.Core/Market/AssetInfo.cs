namespace QuantFunctions.Core.Market;

/// <summary>Candidate metadata of one instrument.</summary>
/// <param name="Symbol">The canonical symbol; its exchange prefix is the market.</param>
/// <param name="AssetType">Crypto or equity.</param>
/// <param name="Sector">The sector label (e.g. <c>layer1</c>, <c>technology</c>).</param>
/// <param name="CalendarId">The trading calendar id (e.g. <c>XCRY</c>, <c>XNYS</c>).</param>
/// <param name="ListedOn">The first trading date.</param>
/// <param name="DelistedOn">The last trading date when the instrument was delisted; null while listed.</param>
public sealed record AssetInfo(Symbol Symbol, AssetType AssetType, string Sector, string CalendarId, DateOnly ListedOn, DateOnly? DelistedOn);
