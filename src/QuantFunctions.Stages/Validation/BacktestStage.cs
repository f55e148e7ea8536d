using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Validation;

/// <summary>
/// <c>validate.backtest</c>: walk-forward validation of the sleeve's whole decision (select → atoms →
/// allocate → flatten) — at each rebalance the decision sees only its training window (minus the gap), its
/// positions are held over the following test window by the chosen simulator (<c>simulator</c>: t1, t2, t3),
/// and friction is charged. Writes the out-of-sample gold <c>backtest</c> series; T3 also writes the orders
/// the fill model rejected (<c>backtest/rejections.json</c>).
/// </summary>
/// <remarks>Prices for T3 come from the silver returns the stage reads (<see cref="PriceBook.FromReturns"/>: the
/// close compounds the returns from 100, the open is the previous close): the model side reads silver only.</remarks>
public sealed class BacktestStage : LakeStage<BacktestParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "validate.backtest";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, BacktestParameters parameters, CancellationToken cancellationToken) =>
        SleeveDefinition.InputsAsync(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), withSilver: true, [], cancellationToken);

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, BacktestParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        SleeveDefinition definition = await SleeveDefinition.ReadAsync(context, sleeve, cancellationToken);
        ReturnPanel returns = await definition.ReadUniverseReturnsAsync(context, cancellationToken);
        SleeveSpec spec = definition.Spec;
        WalkForwardOptions options = parameters.ToOptions() with
        {
            PeriodsPerYear = spec.PeriodsPerYear, LotSize = parameters.LotSize, InitialCapital = parameters.InitialCapital,
        };
        ISimulator simulator = Simulators.Create(Simulators.Parse(parameters.Simulator));
        BacktestResult result = WalkForwardBacktester.Run(
            returns,
            window => SleeveStrategy.Align(SleeveStrategy.Decide(window, spec).Positions, window.Columns),
            options,
            simulator,
            prices: null);
        LakePath part = StageDatasets.GoldPart(context, sleeve, BacktestTable.Dataset);
        var table = BacktestTable.From(result);
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
        PerformanceMetrics metrics = PerformanceCalculator.Compute(result.NetReturns, new PerformanceOptions { PeriodsPerYear = spec.PeriodsPerYear }, result.Turnover);
        var summary = new JsonObject
        {
            ["sleeve"] = sleeve,
            ["sessions"] = result.Dates.Length,
            ["rebalances"] = result.Rebalances.Count,
            ["cagr"] = metrics.Cagr,
            ["sharpe"] = metrics.Sharpe,
            ["max_drawdown"] = metrics.MaxDrawdown,
        };
        if (result.Simulator != SimulatorId.T2 || result.CashDays > 0 || result.SkippedTrades > 0)
        {
            summary["simulator"] = Simulators.NameOf(result.Simulator);
            summary["cash_days"] = result.CashDays;
            summary["skipped_trades"] = result.SkippedTrades;
        }

        var outputs = new List<OutputLocation> { Output("backtest", part) };
        if (result.Simulator == SimulatorId.T3)
        {
            summary["rejected_orders"] = result.Rejections.Count;
            LakePath rejections = StageDatasets.GoldFile(context, sleeve, BacktestTable.Dataset, "rejections.json");
            await LakeWrites.WriteBytesOnceAsync(context.Lake, rejections, StageJson.ToBytes(RejectionsJson(result)), cancellationToken);
            outputs.Add(Output("rejections", rejections));
        }

        await context.AuditAsync("validate.backtest", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = returns.RowCount * (long)returns.ColumnCount, RowsWritten = table.RowCount, Outputs = outputs, Summary = summary };
    }

    // One entry per rejected order, in submission order: what the fill model refused and why.
    private static JsonObject RejectionsJson(BacktestResult result)
    {
        var orders = new JsonArray();
        foreach (RejectedOrder r in result.Rejections)
        {
            orders.Add(new JsonObject
            {
                ["date"] = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["symbol"] = r.Fill.Order.Symbol,
                ["side"] = r.Fill.Order.Side == OrderSide.Buy ? "buy" : "sell",
                ["quantity"] = r.Fill.Order.Quantity,
                ["reference_price"] = double.IsFinite(r.Fill.ReferencePrice) ? r.Fill.ReferencePrice : null,
                ["reason"] = r.Fill.ReasonCode,
            });
        }

        return new JsonObject { ["simulator"] = Simulators.NameOf(result.Simulator), ["count"] = orders.Count, ["orders"] = orders };
    }
}
