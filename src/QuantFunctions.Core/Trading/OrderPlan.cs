namespace QuantFunctions.Core.Trading;

/// <summary>The orders for one rebalance and the decision trail of every symbol considered.</summary>
/// <param name="Capital">The capital sized against.</param>
/// <param name="Decisions">One per symbol in the target or the current book, by symbol (ordinal).</param>
/// <param name="Orders">The orders in sending order: sells, then buys, each by symbol (ordinal).</param>
public sealed record OrderPlan(double Capital, IReadOnlyList<OrderDecision> Decisions, IReadOnlyList<PlannedOrder> Orders)
{
    /// <summary>How many symbols were skipped for <paramref name="reason"/>.</summary>
    public int SkippedFor(OrderSkipReason reason)
    {
        int count = 0;
        foreach (OrderDecision d in Decisions)
        {
            count += d.SkipReason == reason ? 1 : 0;
        }

        return count;
    }
}
