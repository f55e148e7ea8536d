using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Market;

namespace QuantFunctions.Core.Backtesting;

/// <summary>
/// T3 event-driven simulator: holds units and cash; at each rebalance the decision (made with rows before the
/// decision row) becomes orders executed at the decision row's open through the shared <see cref="FillModel"/> —
/// whole lots, slippage and commission, cash checks, rejected orders recorded.
/// </summary>
/// <remarks>
/// <para>Start: cash <c>C = InitialCapital</c>, no units. On a rebalance day <c>t</c>: reference equity
/// <c>E = C + Σ uᵢOᵢ</c> at the open (the last close where a column has no open); drifted weights
/// <c>w̃ᵢ = uᵢOᵢ/E</c>; after the <c>partial_rebalance</c> threshold, estimated cost <c>ĉ = Σ|wᵢ − w̃ᵢ|·(s + k)</c>;
/// target units <c>qᵢ = wᵢ·E(1 − ĉ)/Oᵢ</c> rounded towards zero to whole lots. Sells (and short sales) are submitted
/// first, then buys, each in column order; a buy is cut to what the cash pays for (<c>⌊C / (O(1 + s)(1 + k))⌋</c>
/// lots). Borrow on shorts <c>Σ max(−uᵢ, 0)·Oᵢ·BorrowBps/10⁴/PeriodsPerYear</c> is paid from cash each day. Equity at
/// the close <c>Eₜ = C + Σ uᵢPᵢ,ₜ</c>; net <c>= Eₜ/Eₜ₋₁ − 1</c>; cost = (commission + slippage + borrow)/Eₜ₋₁;
/// gross = net + cost; turnover = traded notional at the reference price / E.</para>
/// <para>Prices: a <see cref="PriceBook"/> aligned with the panel, or when none is given
/// <see cref="PriceBook.FromReturns"/> (open = previous close), which is what a backtest over silver returns has.</para>
/// </remarks>
public sealed class EventDrivenSimulator : ISimulator
{
    /// <inheritdoc/>
    public SimulatorId Id => SimulatorId.T3;

    /// <inheritdoc/>
    public BacktestResult Simulate(WalkForwardPlan plan, PriceBook? prices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        prices ??= PriceBook.FromReturns(plan.Panel);
        if (prices.RowCount != plan.Panel.RowCount || prices.ColumnCount != plan.Panel.ColumnCount)
        {
            throw new DomainValidationException(
                ErrorCodes.MissingPrices, $"T3: the price book has {prices.RowCount} × {prices.ColumnCount} rows × columns, the panel {plan.Panel.RowCount} × {plan.Panel.ColumnCount}.");
        }

        var record = new StreamRecord(plan);
        var book = new Book(plan, prices, record);
        for (int d = 0; d < record.Days; d++)
        {
            book.Step(d);
        }

        return record.ToResult(Id, book.Rejections);
    }

    // The account: cash, units and the last known price per column, stepping one stream day at a time.
    private sealed class Book(WalkForwardPlan plan, PriceBook prices, StreamRecord record)
    {
        private readonly FillModel _fills = new(plan.Options.FillOptions);
        private readonly double[] _units = new double[record.Columns];
        private readonly double[] _price = InitialPrices(plan, prices);
        private double _cash = plan.Options.InitialCapital;
        private double _equity = plan.Options.InitialCapital;

        public List<RejectedOrder> Rejections { get; } = [];

        public void Step(int d)
        {
            int t = plan.Schedule.FirstRow + d, cols = record.Columns;
            for (int i = 0; i < cols; i++)
            {
                double open = prices.Open(t, i);
                _price[i] = double.IsNaN(open) ? _price[i] : open;
            }

            double costs = 0, traded = 0, reference = Value();
            if (plan.Schedule.IsRebalance(d))
            {
                (costs, traded) = Rebalance(d, t, reference);
            }

            double shorts = 0, after = Value();
            for (int i = 0; i < cols; i++)
            {
                record.Weights[(i * record.Days) + d] = _units[i] == 0 ? 0 : _units[i] * _price[i] / after;
                shorts += _units[i] < 0 ? -_units[i] * _price[i] : 0;
            }

            double borrow = shorts * plan.Options.BorrowRatePerPeriod;
            _cash -= borrow;
            for (int i = 0; i < cols; i++)
            {
                double close = prices.Close(t, i);
                record.Unobserved[i] += _units[i] != 0 && double.IsNaN(plan.Panel[t, i]) ? 1 : 0;
                _price[i] = double.IsNaN(close) ? _price[i] : close;
            }

            double equity = Value();
            double net = (equity / _equity) - 1, cost = (costs + borrow) / _equity;
            record.CheckGrowth(d, equity / _equity, net + cost, cost);
            record.Net[d] = net;
            record.Costs[d] = cost;
            record.Gross[d] = net + cost;
            record.Turnover[d] = traded / reference;
            record.Equity[d] = equity / plan.Options.InitialCapital;
            _equity = equity;
        }

        private (double Costs, double Traded) Rebalance(int d, int t, double reference)
        {
            int cols = record.Columns;
            double[] drifted = new double[cols];
            for (int i = 0; i < cols; i++)
            {
                drifted[i] = _units[i] == 0 ? 0 : _units[i] * _price[i] / reference;
            }

            double[]? target = record.TargetOf(d);
            double[] next = record.Traded(target, drifted);
            double tau = 0;
            for (int i = 0; i < cols; i++)
            {
                tau += Math.Abs(next[i] - drifted[i]);
            }

            double investable = reference * (1 - (tau * plan.Options.CostRate));
            double[] delta = new double[cols];
            for (int i = 0; i < cols; i++)
            {
                double exact = next[i] * investable / _price[i];
                double want = next[i] == drifted[i] ? _units[i] : Math.CopySign(_fills.RoundToLots(Math.Abs(exact)), next[i]);
                delta[i] = want - _units[i];

                // A change smaller than one lot is still submitted, so the fill model records it as below_lot.
                delta[i] = delta[i] == 0 && next[i] != drifted[i] && exact != _units[i] ? exact - _units[i] : delta[i];
            }

            double costs = 0, traded = 0;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < cols; i++)
                {
                    bool sell = delta[i] < 0;
                    if (delta[i] == 0 || sell != (pass == 0))
                    {
                        continue;
                    }

                    double open = prices.Open(t, i);
                    double quantity = double.IsFinite(delta[i]) ? Math.Abs(delta[i]) : 0; // never priced: the fill model rejects it (no_price)
                    if (!sell && double.IsFinite(open))
                    {
                        // Cut to what the cash pays for; when that is nothing, submit it whole so the fill model says insufficient_cash.
                        double affordable = _fills.AffordableBuy(Math.Max(_cash, 0), open);
                        quantity = affordable > 0 ? Math.Min(quantity, affordable) : quantity;
                    }

                    Fill fill = _fills.Execute(new Order(plan.Panel.Columns[i], sell ? OrderSide.Sell : OrderSide.Buy, quantity), open, _cash, _units[i]);
                    if (!fill.IsFilled)
                    {
                        Rejections.Add(new RejectedOrder(record.Dates[d], fill));
                        continue;
                    }

                    _cash += fill.CashChange;
                    _units[i] += fill.PositionChange;
                    costs += fill.Commission + fill.SlippageCost;
                    traded += fill.Quantity * open;
                }
            }

            if (target is not null)
            {
                record.AddRebalance(d, target, drifted, tau, tau * plan.Options.CostRate);
            }

            return (costs, traded);
        }

        private double Value()
        {
            double value = _cash;
            for (int i = 0; i < _units.Length; i++)
            {
                value += _units[i] == 0 ? 0 : _units[i] * _price[i];
            }

            return value;
        }

        private static double[] InitialPrices(WalkForwardPlan plan, PriceBook prices)
        {
            double[] p = new double[plan.Panel.ColumnCount];
            int before = plan.Schedule.FirstRow - 1;
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = before >= 0 ? prices.Close(before, i) : double.NaN;
            }

            return p;
        }
    }
}
