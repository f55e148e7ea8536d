namespace QuantFunctions.Core.Paper;

/// <summary>An order the paper broker did not fill, and why.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Stage">Where it was refused: <c>pre_trade</c> (risk limits, kill switch) or <c>fill</c> (the fill model).</param>
/// <param name="Reason">A stable reason: <c>kill_switch</c>, <c>max_gross_leverage</c>, <c>max_asset_notional</c>, or the fill model's code.</param>
public sealed record PaperReject(string OrderId, string Symbol, string Stage, string Reason);
