using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Reporting;

/// <summary>
/// <c>report.tearsheet</c>: the tear sheet — quantstats' metric set (<see cref="PerformanceMetrics"/>, docs/metrics.md) and charts — of a stored backtest (a sleeve's or a meta-portfolio's) against its
/// benchmark (<see cref="TearsheetBenchmark"/>), with its weights over time (gold <c>backtest_weights</c>) and, when the
/// run has them, the sleeve's selection funnel and regime (<see cref="TearsheetArtifacts"/>): <c>tearsheet.md</c>, a
/// self-contained <c>tearsheet.html</c> (inline SVG charts, docs/tearsheet.md) and <c>metrics.json</c> (every metric of the strategy, with benchmark-relative ones when there is a benchmark, snake_case)
/// under gold <c>report</c>.
/// </summary>
public sealed class TearsheetStage : LakeStage<TearsheetParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "report.tearsheet";

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, TearsheetParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string sleeve = StageDatasets.SleeveOf(context, parameters?.Sleeve);
        var inputs = new List<StageInput>
        {
            StageDatasets.GoldInput(context, sleeve, BacktestTable.Dataset),
            StageDatasets.GoldInput(context, sleeve, BacktestWeightsTable.Dataset),
            StageDatasets.GoldInput(context, sleeve, "funnel"),
            StageDatasets.GoldInput(context, sleeve, "regime"),
        };
        if (parameters?.Benchmark != TearsheetBenchmark.None && await SleeveDefinition.TryReadAsync(context, sleeve, cancellationToken) is { } definition)
        {
            inputs.Add(definition.SilverInput());
        }

        return inputs;
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, TearsheetParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        LakeTable backtest = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, BacktestTable.Dataset), cancellationToken: cancellationToken);
        DatedSeries net = BacktestTable.NetReturns(backtest, sleeve);
        SleeveDefinition? definition = await SleeveDefinition.TryReadAsync(context, sleeve, cancellationToken);
        double periodsPerYear = parameters.PeriodsPerYear ?? definition?.Spec.PeriodsPerYear ?? 252; // a meta-portfolio: returns on the common (session) calendar
        var options = new PerformanceOptions { PeriodsPerYear = periodsPerYear, RiskFreeRate = parameters.RiskFreeRate };
        var input = new TearSheetInput($"{sleeve} — {context.PipelineId} {context.PipelineVersion}, run {context.RunId}", net.Dates, net.Values)
        {
            Turnover = backtest.Doubles("turnover"),
            Benchmark = await TearsheetBenchmark.ResolveAsync(context, sleeve, definition, parameters.Benchmark, net.Dates, cancellationToken),
            Weights = await ReadWeightsAsync(context, sleeve, net.Dates, cancellationToken),
            Funnel = await TearsheetArtifacts.ReadFunnelAsync(context, sleeve, cancellationToken),
            Regime = await TearsheetArtifacts.ReadRegimeAsync(context, sleeve, cancellationToken),
        };
        TearSheet sheet = TearSheet.Create(input, options);
        LakePath md = StageDatasets.GoldFile(context, sleeve, "report", "tearsheet.md");
        LakePath html = StageDatasets.GoldFile(context, sleeve, "report", "tearsheet.html");
        LakePath json = StageDatasets.GoldFile(context, sleeve, "report", "metrics.json");
        await LakeWrites.WriteBytesOnceAsync(context.Lake, md, Encoding.UTF8.GetBytes(TearSheetRenderer.ToMarkdown(sheet)), cancellationToken);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, html, Encoding.UTF8.GetBytes(TearSheetRenderer.ToHtml(sheet)), cancellationToken);
        JsonNode metrics = JsonSerializer.SerializeToNode(sheet.Metrics, StageJson.Options)!;
        await LakeWrites.WriteBytesOnceAsync(context.Lake, json, StageJson.ToBytes(metrics), cancellationToken);
        var summary = new JsonObject
        {
            ["sleeve"] = sleeve,
            ["metrics"] = metrics.DeepClone(),
            ["benchmark"] = input.Benchmark is { } b
                ? new JsonObject { ["name"] = b.Name, ["missing_dates"] = b.MissingDates, ["metrics"] = JsonSerializer.SerializeToNode(sheet.BenchmarkMetrics, StageJson.Options) }
                : null,
            ["weights"] = input.Weights is not null,
            ["funnel"] = input.Funnel is not null,
            ["regime"] = input.Regime is not null,
        };
        await context.AuditAsync("report.tearsheet", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = backtest.RowCount, RowsWritten = 3, Outputs = [Output("tearsheet_md", md), Output("tearsheet_html", html), Output("metrics", json)], Summary = summary };
    }

    private static async Task<WeightHistory?> ReadWeightsAsync(StageContext context, string sleeve, DateOnly[] dates, CancellationToken cancellationToken)
    {
        LakeObjectInfo? info = await context.Lake.GetInfoAsync(StageDatasets.GoldPart(context, sleeve, BacktestWeightsTable.Dataset), cancellationToken);
        return info is null
            ? null
            : BacktestWeightsTable.ToHistory(await LakeTableStore.ReadAsync(context.Lake, info.Path, cancellationToken: cancellationToken), dates);
    }
}
