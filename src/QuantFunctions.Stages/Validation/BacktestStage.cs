using System.Text.Json.Nodes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Validation;

/// <summary>
/// <c>validate.backtest</c>: walk-forward validation of the sleeve's whole decision (select → atoms →
/// allocate → flatten) — at each rebalance the decision sees only its training window (and the features dated
/// within it), its positions are
/// held over the following test window, and friction (slippage + commission on traded notional) is
/// charged. Writes the out-of-sample gold <c>backtest</c> series.
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
        FeatureHistory features = await definition.ReadFeaturesAsync(context, cancellationToken);
        SleeveSpec spec = definition.Spec;
        BacktestResult result = WalkForwardBacktester.Run(
            returns,
            window => SleeveStrategy.Align(SleeveStrategy.Decide(window, features, spec)?.Positions ?? [], window.Columns),
            parameters.ToOptions());
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
        await context.AuditAsync("validate.backtest", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = returns.RowCount * (long)returns.ColumnCount, RowsWritten = table.RowCount, Outputs = [Output("backtest", part)], Summary = summary };
    }
}
