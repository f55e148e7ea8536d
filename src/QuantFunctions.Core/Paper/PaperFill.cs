using QuantFunctions.Core.Execution;

namespace QuantFunctions.Core.Paper;

/// <summary>A fill of the paper broker with the account after it (for the conservation check).</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="Fill">The fill model's fill.</param>
/// <param name="CashAfter">Cash after the fill.</param>
/// <param name="MarkedValueAfter">Cash + Σ units × mark after the fill.</param>
/// <param name="EquityAfter">Equity carried forward after the fill (previous equity − commission − slippage).</param>
public sealed record PaperFill(string OrderId, Fill Fill, double CashAfter, double MarkedValueAfter, double EquityAfter);
