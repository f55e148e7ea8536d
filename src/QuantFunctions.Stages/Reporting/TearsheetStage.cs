using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Reporting;

/// <summary>
/// <c>report.tearsheet</c>: quantstats' metric set (<see cref="PerformanceMetrics"/>, docs/metrics.md) of a stored
/// backtest on its dates, as <c>tearsheet.md</c>, a self-contained <c>tearsheet.html</c> with SVG equity and
/// drawdown charts, and <c>metrics.json</c> (every metric, snake_case) under gold <c>report</c>.
/// </summary>
public sealed class TearsheetStage : LakeStage<TearsheetParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "report.tearsheet";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, TearsheetParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<IReadOnlyList<StageInput>>([StageDatasets.GoldInput(context, StageDatasets.SleeveOf(context, parameters?.Sleeve), BacktestTable.Dataset)]);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, TearsheetParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        string sleeve = StageDatasets.SleeveOf(context, parameters.Sleeve);
        LakeTable backtest = await LakeTableStore.ReadAsync(context.Lake, StageDatasets.GoldPart(context, sleeve, BacktestTable.Dataset), cancellationToken: cancellationToken);
        DatedSeries net = BacktestTable.NetReturns(backtest, sleeve);
        double periodsPerYear = parameters.PeriodsPerYear ?? await SleevePeriodsPerYearAsync(context, sleeve, cancellationToken);
        var options = new PerformanceOptions { PeriodsPerYear = periodsPerYear, RiskFreeRate = parameters.RiskFreeRate };
        TearSheet sheet = TearSheet.FromReturns($"{sleeve} — {context.PipelineId} {context.PipelineVersion}, run {context.RunId}", net.Dates, net.Values, options, backtest.Doubles("turnover"));
        LakePath md = StageDatasets.GoldFile(context, sleeve, "report", "tearsheet.md");
        LakePath html = StageDatasets.GoldFile(context, sleeve, "report", "tearsheet.html");
        LakePath json = StageDatasets.GoldFile(context, sleeve, "report", "metrics.json");
        await LakeWrites.WriteBytesOnceAsync(context.Lake, md, Encoding.UTF8.GetBytes(TearSheetRenderer.ToMarkdown(sheet)), cancellationToken);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, html, Encoding.UTF8.GetBytes(TearSheetRenderer.ToHtml(sheet)), cancellationToken);
        JsonNode metrics = JsonSerializer.SerializeToNode(sheet.Metrics, StageJson.Options)!;
        await LakeWrites.WriteBytesOnceAsync(context.Lake, json, StageJson.ToBytes(metrics), cancellationToken);
        var summary = new JsonObject { ["sleeve"] = sleeve, ["metrics"] = metrics.DeepClone() };
        await context.AuditAsync("report.tearsheet", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = backtest.RowCount, RowsWritten = 3, Outputs = [Output("tearsheet_md", md), Output("tearsheet_html", html), Output("metrics", json)], Summary = summary };
    }

    private static async Task<double> SleevePeriodsPerYearAsync(StageContext context, string sleeve, CancellationToken cancellationToken) =>
        (await Alpha.SleeveDefinition.TryReadAsync(context, sleeve, cancellationToken))?.Spec.PeriodsPerYear
            ?? 252; // a meta-portfolio: returns on the common (session) calendar
}
