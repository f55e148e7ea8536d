using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Synthetic;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// <c>dataops.synthetic_market</c>: generates a seeded synthetic market (a 24×7 crypto market and an
/// equity market with weekends and holidays) and writes, per market, the source-native payload to
/// <c>raw/{market}/synthetic/ingest_date=…/seed{n}.csv</c> and daily OHLCV to bronze, one Parquet part
/// per year. Writes are create-only: a re-run with the same seed is a no-op.
/// </summary>
public sealed class SyntheticMarketStage : LakeStage<SyntheticMarketParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "dataops.synthetic_market";

    private static readonly LakeIdentifier Source = LakeIdentifier.Parse("synthetic");

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, SyntheticMarketParameters parameters, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StageInput>>([]);

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, SyntheticMarketParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        DateOnly start = DateOnly.ParseExact(parameters.Start, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var options = new SyntheticMarketOptions
        {
            Seed = parameters.Seed,
            Start = start,
            CalendarDays = parameters.CalendarDays,
            Markets = SyntheticMarketOptions.DefaultMarkets(parameters.CryptoAssets, parameters.EquityAssets),
            ListingsPerMarket = parameters.ListingsPerMarket,
            DelistingsPerMarket = parameters.DelistingsPerMarket,
            GapsPerMarket = parameters.GapsPerMarket,
            ToxicPrintsPerMarket = parameters.ToxicPrintsPerMarket,
            StaleSymbolsPerMarket = parameters.StaleSymbolsPerMarket,
        };
        SyntheticMarket market = SyntheticMarketGenerator.Generate(options);
        LakeIdentifier batch = LakeIdentifier.Parse(string.Create(CultureInfo.InvariantCulture, $"seed{parameters.Seed}"));
        var outputs = new List<LakePath>();
        long rows = 0;
        var perMarket = new JsonObject();
        foreach (IGrouping<string, int> group in GroupByExchange(market))
        {
            var series = new List<BarSeries>();
            foreach (int i in group)
            {
                series.Add(market.Bars[i]);
            }

            LakeIdentifier marketId = LakeIdentifier.Parse(group.Key.ToLowerInvariant(), "market");
            LakePath raw = LakePathResolver.RawBatch(marketId, Source, options.End, batch, RawFormat.Csv);
            await LakeWrites.WriteBytesOnceAsync(context.Lake, raw, RawCsv(series), cancellationToken);
            outputs.Add(raw);
            for (int year = options.Start.Year; year <= options.End.Year; year++)
            {
                LakeTable table = BarsTable.FromSeries(series, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                if (table.RowCount == 0)
                {
                    continue;
                }

                LakePath part = BronzeIngestor.PartOf(marketId, year, batch);
                await LakeWrites.WriteTableOnceAsync(context.Lake, part, table, cancellationToken);
                outputs.Add(part);
                rows += table.RowCount;
            }

            perMarket[marketId.Value] = new JsonObject { ["symbols"] = series.Count, ["calendar"] = market.Assets[group.First()].CalendarId };
        }

        var events = new JsonObject();
        foreach (SyntheticEvent e in market.Events)
        {
            string kind = e.Kind.ToString();
            events[kind] = (events[kind]?.GetValue<int>() ?? 0) + 1;
        }

        var summary = new JsonObject { ["markets"] = perMarket, ["events"] = events, ["bronze_rows"] = rows, ["seed"] = parameters.Seed };
        await context.AuditAsync("dataops.ingested", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult { RowsWritten = rows, Outputs = outputs.ConvertAll(p => Output(p.Value, p)), Summary = summary };
    }

    private static IEnumerable<IGrouping<string, int>> GroupByExchange(SyntheticMarket market)
    {
        var indices = new List<(string Exchange, int Index)>(market.Assets.Count);
        for (int i = 0; i < market.Assets.Count; i++)
        {
            indices.Add((market.Assets[i].Symbol.Exchange, i));
        }

        return indices.OrderBy(x => x.Exchange, StringComparer.Ordinal).GroupBy(x => x.Exchange, x => x.Index, StringComparer.Ordinal);
    }

    private static byte[] RawCsv(IReadOnlyList<BarSeries> series)
    {
        var sb = new StringBuilder("symbol,date,open,high,low,close,volume\n");
        foreach (BarSeries s in series)
        {
            for (int i = 0; i < s.Count; i++)
            {
                sb.Append(s.Symbol.Value).Append(',').Append(s.Dates[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.Open[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.High[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.Low[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.Close[i].ToString("R", CultureInfo.InvariantCulture)).Append(',')
                    .Append(s.Volume[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
