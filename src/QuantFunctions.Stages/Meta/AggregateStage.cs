using System.Text.Json.Nodes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Meta;

/// <summary>
/// <c>meta.aggregate</c>: the meta-portfolio of the sleeves' out-of-sample return streams. Gated by a
/// completeness check (every sleeve present and non-empty, else the run fails naming the sleeve); the
/// streams are aligned on their common sessions by compounding (weekend crypto returns roll into Monday;
/// nothing is filled); weights across sleeves come from the engine on each walk-forward training window.
/// A meta-portfolio of one sleeve is refused unless declared; sleeves may be pinned to completed runs
/// (<see cref="AggregateParameters.SleeveRuns"/>), which must be validated runs (<see cref="PinnedSleeveRuns"/>); every sleeve must pass the directional sign test
/// (<see cref="DirectionalSignTest"/>, else the run fails naming it). Writes gold <c>backtest</c>,
/// <c>backtest_weights</c> (weights over time) and <c>sleeve_weights</c> (the latest rebalance) for the meta id, and
/// <c>report/meta_portfolio_report.md</c> (completeness, sign test, weights, forensic trace reference).
/// </summary>
public sealed class AggregateStage : LakeStage<AggregateParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "meta.aggregate";

    /// <summary>The gold dataset of the meta weights per sleeve.</summary>
    public const string SleeveWeightsDataset = "sleeve_weights";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, AggregateParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var inputs = new List<StageInput>(parameters.Sleeves.Count);
        foreach (string sleeve in parameters.Sleeves)
        {
            inputs.Add(SleeveSource.Of(context, parameters, sleeve).Input(BacktestTable.Dataset));
        }

        return Task.FromResult<IReadOnlyList<StageInput>>(inputs);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, AggregateParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Sleeves.Count == 1 && !parameters.AllowSingleSleeve)
        {
            throw new MetaGateException(ErrorCodes.MetaSingleSleeve,
                $"Meta portfolio '{parameters.Meta}' holds one sleeve ('{parameters.Sleeves[0]}'): declare allow_single_sleeve to build a single-sleeve meta-portfolio.", parameters.Meta);
        }

        await PinnedSleeveRuns.EnsureValidatedAsync(context, parameters, cancellationToken);
        MetaStreams read = await MetaStreams.ReadAsync(context, parameters, cancellationToken);
        IReadOnlyList<SleeveSource> sources = read.Sources;
        IReadOnlyList<DatedSeries> streams = read.Streams;
        long rowsRead = read.RowsRead;
        try
        {
            MetaAggregator.EnsureComplete(parameters.Sleeves, streams);
        }
        catch (SleeveIncompleteException ex)
        {
            await context.AuditAsync("gate.completeness", new JsonObject { ["passed"] = false, ["reason"] = ex.Message }, cancellationToken);
            throw;
        }

        IReadOnlyList<SignTestResult> signs = await MetaGates.SignTestAsync(context, sources, cancellationToken);
        await context.AuditAsync("gate.completeness", new JsonObject { ["passed"] = true, ["sleeves"] = parameters.Sleeves.Count }, cancellationToken);
        (ReturnPanel aligned, int[] dropped) = read.Align(parameters);
        BacktestResult result = MetaStreams.Backtest(aligned, parameters);

        LakePath backtestPart = StageDatasets.GoldPart(context, parameters.Meta, BacktestTable.Dataset);
        LakeTable table = BacktestTable.From(result);
        await LakeWrites.WriteTableOnceAsync(context.Lake, backtestPart, table, cancellationToken);
        LakePath historyPart = StageDatasets.GoldPart(context, parameters.Meta, BacktestWeightsTable.Dataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, historyPart, BacktestWeightsTable.From(result), cancellationToken);
        double[] latest = result.Rebalances[^1].Weights.ToArray();
        LakeTable weights = new(SleeveWeightsDataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("sleeve"), aligned.Columns.ToArray()),
            ColumnBuffer.Create(ParquetColumn.Double("weight"), latest),
            ColumnBuffer.Create(ParquetColumn.Int64("returns_not_aligned"), Array.ConvertAll(dropped, d => (long)d)),
        ]);
        LakePath weightsPart = StageDatasets.GoldPart(context, parameters.Meta, SleeveWeightsDataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, weightsPart, weights, cancellationToken);

        var weightJson = new JsonObject();
        var droppedJson = new JsonObject();
        for (int i = 0; i < aligned.ColumnCount; i++)
        {
            weightJson[aligned.Columns[i]] = latest[i];
            droppedJson[aligned.Columns[i]] = dropped[i];
        }

        var summary = new JsonObject
        {
            ["meta"] = parameters.Meta,
            ["sleeves"] = parameters.Sleeves.Count,
            ["common_sessions"] = aligned.RowCount,
            ["simulator"] = Simulators.NameOf(result.Simulator),
            ["returns_not_aligned"] = droppedJson,
            ["weights"] = weightJson,
        };
        await context.AuditAsync("meta.weights", summary.DeepClone().AsObject(), cancellationToken);
        LakePath report = await MetaGates.WriteReportAsync(context, parameters.Meta, sources, streams, signs, aligned.Columns, latest, cancellationToken);
        return new StageResult
        {
            RowsRead = rowsRead, RowsWritten = table.RowCount + weights.RowCount,
            Outputs = [Output("backtest", backtestPart), Output("backtest_weights", historyPart), Output("sleeve_weights", weightsPart), Output("meta_report", report)], Summary = summary,
            RiskProfile = $"{parameters.Meta}: engine {parameters.Engine} across {parameters.Sleeves.Count} sleeves · simulator {Simulators.NameOf(result.Simulator)}",
        };
    }
}
