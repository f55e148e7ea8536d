using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Regime;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Validation;

/// <summary>
/// <c>validate.backtest</c>: walk-forward validation of the sleeve's whole decision (select → atoms →
/// allocate → flatten) — at each rebalance the decision sees only its training window (minus the gap, and the
/// features dated within it), its positions are held over the following test window by the chosen simulator
/// (<c>simulator</c>: t1, t2, t3), and friction is charged. Writes the out-of-sample gold <c>backtest</c> series and its
/// weights over time (<c>backtest_weights</c>); T3 also writes the orders the fill model rejected (<c>backtest/rejections.json</c>).
/// When the run has a regime artifact (<c>alpha.regime</c>), each window allocates under the cluster cap of the regime as
/// known at its decision: filtered (forward-pass) state probabilities on data ≤ the window's end with the registered model;
/// <c>backtest/regimes.json</c> records each window's regime and cap. A market-neutral sleeve's windows also allocate under
/// |wᵀβ| ≤ 0.15 with betas on the window.
/// </summary>
/// <remarks>Prices for T3 come from the silver returns the stage reads (<see cref="PriceBook.FromReturns"/>: the
/// close compounds the returns from 100, the open is the previous close): the model side reads silver only.</remarks>
public sealed class BacktestStage : LakeStage<BacktestParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "validate.backtest";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, BacktestParameters parameters, CancellationToken cancellationToken) =>
        SleeveDefinition.InputsAsync(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), withSilver: true, [RegimeStage.Dataset], cancellationToken);

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
        WalkForwardOptions options = parameters.ToOptions() with
        {
            PeriodsPerYear = spec.PeriodsPerYear, LotSize = parameters.LotSize, InitialCapital = parameters.InitialCapital,
        };
        ISimulator simulator = Simulators.Create(Simulators.Parse(parameters.Simulator));
        (RegimeModel Model, string ModelId, string Version)? regime = await RegisteredRegimeModel.OfRunAsync(context, sleeve, cancellationToken);
        string benchmark = "equal_weight:" + spec.Universe;
        var windows = new JsonArray();
        BacktestResult result = WalkForwardBacktester.Run(
            returns,
            window =>
            {
                // The constraints as known at the window's decision: the regime filtered on data ≤ its last row with the
                // run's registered model (never Viterbi over the whole series), and a market-neutral sleeve's betas.
                SleeveConstraintInputs? inputs = regime is null && !spec.MarketNeutral ? null : SleeveConstraintInputs.KnownAt(window, regime?.Model, spec, benchmark);
                SleeveAllocation? decision = SleeveStrategy.Decide(window, features, spec, inputs);
                windows.Add(WindowRegime(window.Dates[^1], inputs, decision));
                return SleeveStrategy.Align(decision?.Positions ?? [], window.Columns);
            },
            options,
            simulator,
            prices: null);
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
        summary["simulator"] = Simulators.NameOf(result.Simulator);
        summary["cash_days"] = result.CashDays;
        summary["skipped_trades"] = result.SkippedTrades;

        var outputs = new List<OutputLocation> { Output("backtest", part), Output("backtest_weights", weightsPart) };
        if (regime is { } used)
        {
            // The regime and cluster cap each window allocated under (recorded only when the run has a regime model).
            LakePath regimes = StageDatasets.GoldFile(context, sleeve, BacktestTable.Dataset, "regimes.json");
            var document = new JsonObject { ["model_id"] = used.ModelId, ["version"] = used.Version, ["inference"] = "filtered", ["windows"] = windows };
            await LakeWrites.WriteBytesOnceAsync(context.Lake, regimes, StageJson.ToBytes(document), cancellationToken);
            outputs.Add(Output("regimes", regimes));
            summary["regime_model"] = $"{used.ModelId}@{used.Version}";
            summary["regime_windows"] = RegimeCounts(windows);
        }

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

    /// <summary>One window's regime record: the decision's last data day, the regime known then and the cluster cap in force (null when cash).</summary>
    private static JsonObject WindowRegime(DateOnly known, SleeveConstraintInputs? inputs, SleeveAllocation? decision) => new()
    {
        ["known_at"] = known.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["regime"] = inputs?.Regime is { } label ? RegimeLabels.Name(label) : null,
        ["regime_cap"] = inputs?.Regime is { } l ? RegimeLabels.ClusterCap(l) : null,
        ["cluster_cap"] = decision?.Constraints?.ClusterCap,
        ["cap_relaxed_from"] = decision?.Constraints?.CapRelaxedFrom,
        ["held"] = decision is not null,
    };

    private static JsonObject RegimeCounts(JsonArray windows)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (JsonNode? w in windows)
        {
            string label = w!["regime"]?.GetValue<string>() ?? "WARMUP";
            counts[label] = counts.GetValueOrDefault(label) + 1;
        }

        var json = new JsonObject();
        foreach (KeyValuePair<string, int> kv in counts)
        {
            json[kv.Key] = kv.Value;
        }

        return json;
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
