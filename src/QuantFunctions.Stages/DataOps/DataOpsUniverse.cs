using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Calendars;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// The universe a DataOps node works on, resolved from its for_each item (or <c>universe</c> parameter) and the
/// <c>markets</c> / <c>calendars</c> maps: where its bronze bars live, its trading calendar and when a daily bar becomes known.
/// </summary>
/// <param name="Universe">The silver universe (e.g. <c>crypto_spot</c>).</param>
/// <param name="Market">The bronze market (e.g. <c>binance</c>).</param>
/// <param name="Calendar">The trading calendar (built-in or a user calendar from the lake, <see cref="CalendarCatalog"/>).</param>
internal sealed record DataOpsUniverse(string Universe, string Market, TradingCalendar Calendar)
{
    /// <summary>The calendar id.</summary>
    public string CalendarId => Calendar.Id;

    /// <summary>True for a 24×7 calendar.</summary>
    public bool IsCrypto => Calendar is ContinuousCalendar;

    /// <summary>A daily bar stamped at its session date is known at the calendar's latest close: 00:00 UTC next day for 24×7 markets, 21:00 UTC for XNYS.</summary>
    public TimeSpan CloseOffset => Calendar.KnownAtOffset;

    /// <summary>The point-in-time rule of the universe's bars.</summary>
    public KnownAtPolicy KnownAt => new() { CloseOffset = CloseOffset };

    /// <summary>The bronze daily OHLCV dataset of the market.</summary>
    public LakePath Bronze => BronzeIngestor.DatasetOf(LakeIdentifier.Parse(Market, "market"));

    /// <summary>Resolves the universe of a node and loads its calendar.</summary>
    /// <exception cref="ArgumentException">No universe, or no market or calendar configured for it.</exception>
    /// <exception cref="DomainValidationException">The calendar id is unknown or its user calendar file is bad.</exception>
    public static async Task<DataOpsUniverse> ResolveAsync(
        StageContext context, string? universe, IReadOnlyDictionary<string, string> markets, IReadOnlyDictionary<string, string> calendars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string name = context.ForEachItem ?? universe
            ?? throw new ArgumentException($"node '{context.NodeKey}': set 'universe' or fan the node out over universes");
        string market = markets.GetValueOrDefault(name)
            ?? throw new ArgumentException($"node '{context.NodeKey}': no market configured for universe '{name}' in 'markets'");
        string calendar = calendars.GetValueOrDefault(name)
            ?? throw new ArgumentException($"node '{context.NodeKey}': no calendar configured for universe '{name}' in 'calendars'");
        return new DataOpsUniverse(name, market, await CalendarCatalog.ResolveAsync(context.Lake, calendar, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Drops every bar that is not on a session of the calendar (closed days, dates outside its coverage) and counts them:
    /// the kept series (order kept; a symbol with no bar left is not kept), the total and, per symbol with any, the rows
    /// dropped, first date and its closure reason.
    /// </summary>
    public (List<BarSeries> Kept, long Dropped, JsonObject BySymbol) DropOffCalendar(IEnumerable<BarSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var kept = new List<BarSeries>();
        var bySymbol = new JsonObject();
        long total = 0;
        foreach (BarSeries s in series)
        {
            (BarSeries onCalendar, DateOnly[] dropped) = OffCalendarRows.Drop(s, Calendar);
            if (onCalendar.Count > 0)
            {
                kept.Add(onCalendar);
            }

            if (dropped.Length > 0)
            {
                total += dropped.Length;
                bySymbol[s.Symbol.Value] = new JsonObject
                {
                    ["rows"] = dropped.Length,
                    ["first"] = dropped[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["reason"] = Calendar.ClosureReason(dropped[0]),
                };
            }
        }

        return (kept, total, bySymbol);
    }

    /// <summary>The universe's bronze bars as a stage input.</summary>
    public StageInput BronzeInput(StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new StageInput("bronze." + Market + ".ohlcv", context.PipelineId, context.PipelineVersion, [Bronze]);
    }

    /// <summary>The universe's bronze bars and, for a user calendar, its file in the lake, as stage inputs.</summary>
    public IReadOnlyList<StageInput> BronzeAndCalendarInputs(StageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExchangeCalendars.IsBuiltIn(CalendarId)
            ? [BronzeInput(context)]
            : [BronzeInput(context), new StageInput("calendar." + CalendarId.ToLowerInvariant(), context.PipelineId, context.PipelineVersion, [CalendarCatalog.PathOf(CalendarId)])];
    }

    /// <summary>The bronze bars and, when this run has one, the universe's health registry, as stage inputs.</summary>
    public async Task<IReadOnlyList<StageInput>> BronzeAndHealthInputsAsync(StageContext context, CancellationToken cancellationToken)
    {
        var inputs = new List<StageInput>(BronzeAndCalendarInputs(context));
        if (await HealthRegistryTable.TryDescribeInputAsync(context, Universe, cancellationToken) is { } health)
        {
            inputs.Add(health);
        }

        return inputs;
    }

    /// <summary>Reads the market's bronze bars, one series per symbol (ordinal), and the number of rows and parts read.</summary>
    public async Task<(IReadOnlyList<BarSeries> Series, long Rows, int Parts)> ReadBarsAsync(ILakeStore lake, CancellationToken cancellationToken)
    {
        (LakeTable bars, IReadOnlyList<LakeObjectInfo> parts) = await LakeTableStore.ReadDatasetAsync(lake, Bronze, cancellationToken: cancellationToken);
        return (BarsTable.ToSeries(bars), bars.RowCount, parts.Count);
    }

    /// <summary>The symbols this run's health registry of the universe marks DROPPED, or null when the run wrote no registry.</summary>
    public Task<IReadOnlySet<string>?> TryReadDroppedAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HealthRegistryTable.TryReadDroppedAsync(context.Lake, HealthRegistryTable.PartOf(context, Universe), cancellationToken);
    }

    /// <summary>
    /// The series whose symbol is not in <paramref name="dropped"/> (order kept), and the excluded symbols in order for the
    /// audit entry; with no registry (<paramref name="dropped"/> null) nothing is excluded.
    /// </summary>
    public static (List<BarSeries> Kept, JsonArray Excluded) ExcludeDropped(IEnumerable<BarSeries> series, IReadOnlySet<string>? dropped)
    {
        ArgumentNullException.ThrowIfNull(series);
        var kept = new List<BarSeries>();
        var excluded = new JsonArray();
        foreach (BarSeries s in series)
        {
            if (dropped?.Contains(s.Symbol.Value) == true)
            {
                excluded.Add(s.Symbol.Value);
            }
            else
            {
                kept.Add(s);
            }
        }

        return (kept, excluded);
    }

    /// <summary>Number of leading bars of <paramref name="series"/> known at <paramref name="asOf"/> (date + close offset ≤ as-of).</summary>
    public int KnownCount(BarSeries series, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(series);
        int n = series.Count;
        while (n > 0 && new DateTimeOffset(series.Dates[n - 1].ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + CloseOffset > asOf)
        {
            n--;
        }

        return n;
    }
}
