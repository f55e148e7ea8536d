using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.DataQuality;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// <c>dataops.health</c>: audits a market's bronze bars known at the run's as-of time with <see cref="HealthAuditor"/>
/// against the universe calendar's expected sessions (first to last known bar of the market), and writes the health
/// registry (<see cref="HealthRegistryTable"/>) and a Markdown summary under
/// <c>silver/{universe}/{pipeline}/version={v}/health/run={run_id}/</c>. Every drop is counted in the audit entry, with
/// each symbol's bars on closed days and missing sessions (<see cref="CalendarFindings"/>); a bar on a closed day is a
/// finding (DEGRADED, or DROPPED with <c>calendar_policy: strict</c>), never a crash. In strict mode a DROPPED symbol then
/// fails the node with <see cref="HealthCheckException"/>.
/// </summary>
public sealed class HealthStage : LakeStage<HealthParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "dataops.health";

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, HealthParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        DataOpsUniverse universe = await DataOpsUniverse.ResolveAsync(context, parameters.Universe, parameters.Markets, parameters.Calendars, cancellationToken);
        return universe.BronzeAndCalendarInputs(context);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, HealthParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        DataOpsUniverse universe = await DataOpsUniverse.ResolveAsync(context, parameters.Universe, parameters.Markets, parameters.Calendars, cancellationToken);
        (IReadOnlyList<BarSeries> series, long rowsRead, int parts) = await universe.ReadBarsAsync(context.Lake, cancellationToken);
        var options = new HealthOptions
        {
            LookbackDays = parameters.LookbackDays,
            MinHistoryDays = parameters.MinHistoryDays,
            ToxicReturn = parameters.ToxicReturn,
            MaxGapFraction = parameters.MaxGapFraction,
            KnownAt = universe.KnownAt,
            StrictCalendar = parameters.CalendarPolicy == CalendarPolicy.Strict,
        };
        var auditor = new HealthAuditor(options);

        // The audit judges the data as it stood at the as-of time: bars known later (a re-run of history) are counted, not audited.
        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        var bars = new List<BarSeries>(series.Count);
        long later = 0;
        var findings = new CalendarFindings(universe.Calendar);
        foreach (BarSeries s in series)
        {
            int known = universe.KnownCount(s, context.AsOf);
            later += s.Count - known;
            if (known > 0)
            {
                first = s.Dates[0] < first ? s.Dates[0] : first;
                last = s.Dates[known - 1] > last ? s.Dates[known - 1] : last;
                bars.Add(s.Take(known));
                findings.Add(s, known);
            }
        }

        DateOnly[] sessions = bars.Count == 0 ? [] : universe.Calendar.Sessions(first, last);
        IReadOnlyList<SymbolHealth> results = auditor.AuditMany(bars, universe.IsCrypto ? AssetClass.Crypto : AssetClass.Equity, sessions, context.AsOf);

        LakePath registry = HealthRegistryTable.PartOf(context, universe.Universe);
        LakePath summaryPath = HealthRegistryTable.FileOf(context, universe.Universe, HealthRegistryTable.SummaryFile);
        var table = HealthRegistryTable.FromResults(results, context.AsOf, context.RunId.Value);
        await LakeWrites.WriteTableOnceAsync(context.Lake, registry, table, cancellationToken);
        string markdown = HealthSummaryRenderer.Render(results, $"Data health — {universe.Universe} ({universe.Market}, {universe.CalendarId}) as of {context.AsOf:yyyy-MM-dd HH:mm} UTC");
        await LakeWrites.WriteBytesOnceAsync(context.Lake, summaryPath, Encoding.UTF8.GetBytes(markdown), cancellationToken);

        JsonObject summary = Summarise(universe, results, rowsRead, parts);
        summary["calendar_policy"] = ParameterEnum.Name(parameters.CalendarPolicy);
        findings.WriteTo(summary);
        summary["bars_known_after_as_of"] = later;
        summary["symbols_not_yet_known"] = series.Count - bars.Count;
        summary["registry"] = registry.Value;
        summary["summary"] = summaryPath.Value;
        await context.AuditAsync("dataops.health", summary.DeepClone().AsObject(), cancellationToken);

        if (parameters.Strict)
        {
            ThrowOnFirstDrop(results);
        }

        return new StageResult
        {
            RowsRead = rowsRead,
            RowsWritten = table.RowCount,
            Outputs = [Output(registry.Value, registry), Output(summaryPath.Value, summaryPath)],
            Summary = summary,
        };
    }

    private static JsonObject Summarise(DataOpsUniverse universe, IReadOnlyList<SymbolHealth> results, long rowsRead, int parts)
    {
        int[] byStatus = new int[3];
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var dropped = new JsonArray();
        foreach (SymbolHealth health in results)
        {
            byStatus[(int)health.Status]++;
            if (health.Status == HealthStatus.Dropped)
            {
                dropped.Add(health.Symbol);
            }

            foreach (HealthReason reason in health.Reasons)
            {
                byRule[reason.Rule.ToString()] = byRule.GetValueOrDefault(reason.Rule.ToString()) + 1;
            }
        }

        var rules = new JsonObject();
        foreach ((string rule, int count) in byRule)
        {
            rules[rule] = count;
        }

        return new JsonObject
        {
            ["universe"] = universe.Universe,
            ["market"] = universe.Market,
            ["calendar"] = universe.CalendarId,
            ["bars_read"] = rowsRead,
            ["bronze_parts"] = parts,
            ["symbols"] = results.Count,
            ["healthy"] = byStatus[(int)HealthStatus.Healthy],
            ["degraded"] = byStatus[(int)HealthStatus.Degraded],
            ["dropped"] = byStatus[(int)HealthStatus.Dropped],
            ["reasons_by_rule"] = rules,
            ["dropped_symbols"] = dropped,
        };
    }

    private static void ThrowOnFirstDrop(IReadOnlyList<SymbolHealth> results)
    {
        foreach (SymbolHealth health in results)
        {
            foreach (HealthReason reason in health.Reasons)
            {
                if (reason.Severity == HealthStatus.Dropped)
                {
                    throw new HealthCheckException(health.Symbol, reason);
                }
            }
        }
    }
}
