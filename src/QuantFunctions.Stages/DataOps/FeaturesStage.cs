using System.Text.Json.Nodes;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// <c>dataops.features</c>: computes the whole <see cref="FeatureSet"/> per symbol from the bronze bars known at the
/// run's as-of time and writes the silver point-in-time feature store (<see cref="FeaturesTable"/>), year-partitioned,
/// one file per block of symbols and year. With <c>symbols</c> set, only those candidates are (re)computed; other
/// symbols' files are never touched. Symbols the same run's health registry marks DROPPED are skipped and recorded; bars on
/// days the calendar says were closed are dropped and counted per symbol.
/// </summary>
public sealed class FeaturesStage : LakeStage<FeaturesParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "dataops.features";

    /// <inheritdoc/>
    protected override async Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, FeaturesParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        DataOpsUniverse universe = await DataOpsUniverse.ResolveAsync(context, parameters.Universe, parameters.Markets, parameters.Calendars, cancellationToken);
        return await universe.BronzeAndHealthInputsAsync(context, cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, FeaturesParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        DataOpsUniverse universe = await DataOpsUniverse.ResolveAsync(context, parameters.Universe, parameters.Markets, parameters.Calendars, cancellationToken);
        (IReadOnlyList<BarSeries> series, long rowsRead, int parts) = await universe.ReadBarsAsync(context.Lake, cancellationToken);
        IReadOnlySet<string>? dropped = await universe.TryReadDroppedAsync(context, cancellationToken);
        (List<BarSeries> healthy, JsonArray excluded) = DataOpsUniverse.ExcludeDropped(Scope(series, parameters.Symbols, universe.Market, context.NodeKey), dropped);
        (List<BarSeries> scoped, long offCalendarRows, JsonObject offCalendar) = universe.DropOffCalendar(healthy);

        var notYetKnown = new JsonArray();
        var bars = new List<BarSeries>();
        foreach (BarSeries s in scoped)
        {
            int known = universe.KnownCount(s, context.AsOf);
            if (known == 0)
            {
                notYetKnown.Add(s.Symbol.Value);
            }
            else
            {
                bars.Add(s.Take(known));
            }
        }

        var featureSet = new FeatureSet(
            new FeatureOptions { PeriodsPerYear = universe.Calendar.PeriodsPerYear, MaxDegreeOfParallelism = parameters.MaxDegreeOfParallelism },
            universe.KnownAt);
        var symbols = bars.ConvertAll(b => b.Symbol.Value);
        string batchKey = FeaturesTable.BatchKey(context.AsOf, symbols);
        var outputs = new List<OutputLocation>();
        long rows = 0;
        for (int block = 0, start = 0; start < bars.Count; block++, start += parameters.BatchSize)
        {
            IReadOnlyList<FeatureBlock> blocks = featureSet.ComputeMany(bars.GetRange(start, Math.Min(parameters.BatchSize, bars.Count - start)));
            (int firstYear, int lastYear) = Years(blocks);
            for (int year = firstYear; year <= lastYear; year++)
            {
                LakeTable table = FeaturesTable.FromBlocks(blocks, year);
                if (table.RowCount == 0)
                {
                    continue;
                }

                LakePath part = FeaturesTable.Part(context, universe.Universe, year, batchKey, block);
                await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
                outputs.Add(Output(part.Value, part));
                rows += table.RowCount;
            }
        }

        var summary = new JsonObject
        {
            ["universe"] = universe.Universe,
            ["market"] = universe.Market,
            ["bars_read"] = rowsRead,
            ["bronze_parts"] = parts,
            ["scope"] = parameters.Symbols.Count == 0 ? "all" : "candidates",
            ["symbols_written"] = bars.Count,
            ["rows_written"] = rows,
            ["files_written"] = outputs.Count,
            ["batch"] = batchKey,
            ["excluded_dropped"] = excluded,
            ["off_calendar_rows_dropped"] = offCalendarRows,
            ["off_calendar"] = offCalendar,
            ["not_yet_known"] = notYetKnown,
        };
        await context.AuditAsync("dataops.features", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsRead = rowsRead, RowsWritten = rows, Outputs = outputs, Summary = summary };
    }

    /// <summary>The candidates of this market (exchange prefix = market, case-insensitive), all required in bronze; others belong to other universes.</summary>
    private static List<BarSeries> Scope(IReadOnlyList<BarSeries> series, List<string> candidates, string market, NodeKey node)
    {
        if (candidates.Count == 0)
        {
            return [.. series];
        }

        var bySymbol = new Dictionary<string, BarSeries>(StringComparer.Ordinal);
        foreach (BarSeries s in series)
        {
            bySymbol[s.Symbol.Value] = s;
        }

        var scoped = new List<BarSeries>();
        var missing = new List<string>();
        foreach (string symbol in new SortedSet<string>(candidates, StringComparer.Ordinal))
        {
            if (!Symbol.Parse(symbol).Exchange.Equals(market, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (bySymbol.TryGetValue(symbol, out BarSeries? s))
            {
                scoped.Add(s);
            }
            else
            {
                missing.Add(symbol);
            }
        }

        return missing.Count == 0
            ? scoped
            : throw new ArgumentException($"node '{node}': candidate symbols of market '{market}' not in its bronze bars: {string.Join(", ", missing)}");
    }

    private static (int First, int Last) Years(IReadOnlyList<FeatureBlock> blocks)
    {
        int first = int.MaxValue, last = int.MinValue;
        foreach (FeatureBlock b in blocks)
        {
            if (b.RowCount > 0)
            {
                first = Math.Min(first, b.Timestamps[0].Year);
                last = Math.Max(last, b.Timestamps[^1].Year);
            }
        }

        return (first, last);
    }
}
