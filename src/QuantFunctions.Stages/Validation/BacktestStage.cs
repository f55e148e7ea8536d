using System.Text.Json.Nodes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Validation;

/// <summary>
/// <c>validate.backtest</c>: walk-forward validation of the sleeve's whole decision (select → atoms →
/// allocate → flatten) — at each rebalance the decision sees only its training window, its positions are
/// held over the following test window, and friction (slippage + commission on traded notional) is
/// charged. Writes the out-of-sample gold <c>backtest</c> series and its weights over time (<c>backtest_weights</c>).
/// </summary>
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
        BacktestResult result = WalkForwardBacktester.Run(
            returns,
            window => SleeveStrategy.Align(SleeveStrategy.Decide(window, spec).Positions, window.Columns),
            parameters.ToOptions());
        LakePath part = StageDatasets.GoldPart(context, sleeve, BacktestTable.Dataset);
        var table = BacktestTable.From(result);
        await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
        LakePath weightsPart = StageDatasets.GoldPart(context, sleeve, BacktestWeightsTable.Dataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, weightsPart, BacktestWeightsTable.From(result), cancellationToken);
        PerformanceMetrics metrics = PerformanceCalculator.Compute(result.NetReturns, result.Dates, new PerformanceOptions { PeriodsPerYear = spec.PeriodsPerYear }, default, result.Turnover);
        var summary = new JsonObject
        {
            ["sleeve"] = sleeve,
            ["sessions"] = result.Dates.Length,
            ["rebalances"] = result.Rebalances.Count,
            ["cagr"] = metrics.Cagr,
            ["sharpe"] = metrics.Sharpe,
            ["max_drawdown"] = metrics.MaxDrawdown,
        };
        await context.AuditAsync("validate.backtest", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = returns.RowCount * (long)returns.ColumnCount, RowsWritten = table.RowCount, Outputs = [Output("backtest", part), Output("backtest_weights", weightsPart)], Summary = summary };
    }
}
