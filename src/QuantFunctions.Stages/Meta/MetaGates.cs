using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Alpha;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Meta;

/// <summary>The meta-portfolio's sign test at the sleeve boundary and its report, as <c>meta.aggregate</c> runs them.</summary>
internal static class MetaGates
{
    /// <summary>
    /// Tests every sleeve's pre-optimisation (<c>weights</c>: allocated atoms) and post-optimisation (<c>positions</c>)
    /// artifacts against its declared direction; audits <c>gate.sign_test</c> and writes <c>sign_test.json</c>; throws
    /// for the first failing sleeve.
    /// </summary>
    /// <exception cref="MetaGateException">A sleeve fails (<c>meta.sign_test_failed</c>), naming it.</exception>
    public static async Task<IReadOnlyList<SignTestResult>> SignTestAsync(StageContext context, IReadOnlyList<SleeveSource> sources, CancellationToken cancellationToken)
    {
        var results = new List<SignTestResult>(sources.Count);
        var json = new JsonArray();
        foreach (SleeveSource source in sources)
        {
            SleeveDefinition? definition = await source.TryReadDefinitionAsync(context.Lake, cancellationToken);
            LakeTable? pre = await source.TryReadAsync(context.Lake, "weights", cancellationToken);
            LakeTable? post = await source.TryReadAsync(context.Lake, PositionsTable.Dataset, cancellationToken);
            Direction declared = definition?.Spec.Direction ?? Direction.Long;
            Direction[] directions = pre is null ? [] : Array.ConvertAll(pre.Strings("direction"), d => d == "SHORT" ? Direction.Short : Direction.Long);
            SignTestResult result = definition is null
                ? new SignTestResult(source.Sleeve, declared, -1, 0, -1, 0, "the sleeve definition (declared direction) is missing")
                : DirectionalSignTest.Check(source.Sleeve, declared, pre?.Strings("symbol"), directions, pre is null ? [] : pre.Doubles("weight"), post?.Strings("symbol"), post is null ? [] : post.Doubles("weight"), definition.Spec.MarketNeutral);
            results.Add(result);
            json.Add(new JsonObject
            {
                ["sleeve"] = result.Sleeve, ["source_run"] = source.SourceRun, ["declared"] = result.DeclaredName, ["passed"] = result.Passed,
                ["atoms_checked"] = result.PreChecked, ["atom_violations"] = result.PreViolations,
                ["positions_checked"] = result.PostChecked, ["position_violations"] = result.PostViolations, ["first_violation"] = result.FirstViolation,
            });
        }

        bool passed = results.TrueForAll(r => r.Passed);
        await context.AuditAsync("gate.sign_test", new JsonObject { ["passed"] = passed, ["sleeves"] = json.DeepClone() }, cancellationToken);
        DirectionalSignTest.EnsurePassed(results);
        return results;
    }

    /// <summary>Writes <c>report/meta_portfolio_report.md</c> (validated: every required section present) and returns its path.</summary>
    public static async Task<LakePath> WriteReportAsync(
        StageContext context, string meta, IReadOnlyList<SleeveSource> sources, IReadOnlyList<DatedSeries> streams, IReadOnlyList<SignTestResult> signs,
        IReadOnlyList<string> columns, double[] latest, CancellationToken cancellationToken)
    {
        var completeness = new List<CompletenessRow>(sources.Count);
        foreach (SleeveSource source in sources)
        {
            DatedSeries stream = streams.First(s => s.Name == source.Sleeve);
            int observed = 0;
            foreach (double v in stream.Values)
            {
                observed += double.IsNaN(v) ? 0 : 1;
            }

            completeness.Add(new CompletenessRow(source.Sleeve, source.SourceRun, stream.Count, observed, stream.Dates[0], stream.Dates[^1]));
        }

        var weights = new List<KeyValuePair<string, double>>(columns.Count);
        for (int i = 0; i < columns.Count; i++)
        {
            weights.Add(new(columns[i], latest[i]));
        }

        var report = new MetaReport
        {
            Meta = meta,
            RunId = context.RunId.Value,
            Pipeline = $"{context.Scope}/{context.PipelineId}@{context.PipelineVersion}",
            AsOf = context.AsOf.ToString("O", CultureInfo.InvariantCulture),
            Completeness = completeness,
            SignTests = signs,
            Weights = weights,
            ForensicTrace = LakePathResolver.ForensicTrace(context.Scope, context.RunId).Value,
            AuditLedger = LakePathResolver.AuditLedger(context.Scope, context.RunId).Value,
        };
        LakePath path = StageDatasets.GoldFile(context, meta, "report", "meta_portfolio_report.md");
        await LakeWrites.WriteBytesOnceAsync(context.Lake, path, Encoding.UTF8.GetBytes(MetaReportRenderer.Render(report)), cancellationToken);
        return path;
    }
}
