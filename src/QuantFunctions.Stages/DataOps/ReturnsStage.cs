using System.Text.Json.Nodes;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// <c>dataops.returns</c>: reads a market's bronze daily bars and writes the universe's silver daily
/// returns (simple and log), calendar-safe: a return exists only between consecutive sessions of the
/// market's calendar (one missing session tolerated); across a longer gap there is no return — never a
/// padded or zero-filled one. Every row carries <c>known_at</c> for point-in-time reads. When the same run wrote a
/// health registry for the universe (<c>dataops.health</c>), its DROPPED symbols are excluded and listed in the audit entry.
/// Bars on days the calendar says were closed are dropped and counted per symbol (<c>off_calendar</c>), never a failure.
/// </summary>
public sealed class ReturnsStage : LakeStage<ReturnsParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "dataops.returns";

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, ReturnsParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        DataOpsUniverse universe = await DataOpsUniverse.ResolveAsync(context, parameters.Universe, parameters.Markets, parameters.Calendars, cancellationToken);
        return await universe.BronzeAndHealthInputsAsync(context, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, ReturnsParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        DataOpsUniverse target = await DataOpsUniverse.ResolveAsync(context, parameters.Universe, parameters.Markets, parameters.Calendars, cancellationToken);
        (string universe, string market, string calendarId) = (target.Universe, target.Market, target.CalendarId);
        (IReadOnlyList<BarSeries> bronzeSeries, long barsRead, int parts) = await target.ReadBarsAsync(context.Lake, cancellationToken);
        IReadOnlySet<string>? dropped = await target.TryReadDroppedAsync(context, cancellationToken);
        (List<BarSeries> healthy, JsonArray excluded) = DataOpsUniverse.ExcludeDropped(bronzeSeries, dropped);
        (List<BarSeries> series, long offCalendarRows, JsonObject offCalendar) = target.DropOffCalendar(healthy);

        DateOnly first = DateOnly.MaxValue, last = DateOnly.MinValue;
        foreach (BarSeries s in series)
        {
            first = s.Dates[0] < first ? s.Dates[0] : first;
            last = s.Dates[^1] > last ? s.Dates[^1] : last;
        }

        TradingCalendar calendar = target.Calendar;
        ReturnPanel panel = ReturnCalculator.FromBars(series, ReturnOptions.CalendarAware(_ => calendar, ReturnKind.Simple, parameters.ToleratedMissingSessions));

        TimeSpan knownAt = target.CloseOffset;
        var outputs = new List<LakePath>();
        long rows = 0;
        for (int year = first.Year; year <= last.Year; year++)
        {
            LakeTable table = ReturnsTable.FromPanel(panel, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), knownAt);
            if (table.RowCount == 0)
            {
                continue;
            }

            LakePath part = context.Paths.SilverPart(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(ReturnsTable.Dataset), year);
            await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
            outputs.Add(part);
            rows += table.RowCount;
        }

        long possible = 0;
        foreach (BarSeries s in series)
        {
            possible += s.Count - 1;
        }

        var summary = new JsonObject
        {
            ["universe"] = universe,
            ["market"] = market,
            ["calendar"] = calendarId,
            ["symbols"] = series.Count,
            ["bars_read"] = barsRead,
            ["bronze_parts"] = parts,
            ["returns_written"] = rows,
            ["returns_not_formed_across_gaps"] = possible - rows,
            ["health_registry"] = dropped is null ? "none" : "applied",
            ["excluded_dropped"] = excluded,
            ["off_calendar_rows_dropped"] = offCalendarRows,
            ["off_calendar"] = offCalendar,
        };
        await context.AuditAsync("dataops.returns", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = barsRead, RowsWritten = rows, Outputs = outputs.ConvertAll(p => Output(p.Value, p)), Summary = summary };
    }
}
