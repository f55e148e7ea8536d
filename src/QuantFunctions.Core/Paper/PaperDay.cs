using QuantFunctions.Core.Trading;

namespace QuantFunctions.Core.Paper;

/// <summary>What one paper trading day did.</summary>
/// <param name="Book">The book after the close.</param>
/// <param name="Fills">Fills at the open, in order sequence.</param>
/// <param name="Rejects">Orders refused at the open (fill model) and at the close (kill switch, limits).</param>
/// <param name="Plan">The orders sized at the close and their decision trail (accepted ones are in <see cref="PaperBook.Pending"/>).</param>
/// <param name="Pnl">PnL per symbol held or traded today, by symbol.</param>
/// <param name="Tripped">The reason the kill switch tripped at this close, or null.</param>
/// <param name="PreviousEquity">Equity at the previous close.</param>
public sealed record PaperDay(
    PaperBook Book,
    IReadOnlyList<PaperFill> Fills,
    IReadOnlyList<PaperReject> Rejects,
    OrderPlan Plan,
    IReadOnlyList<AssetPnl> Pnl,
    string? Tripped,
    double PreviousEquity);
