using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Paper;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.Meta;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Stages.Paper;

/// <summary>
/// <c>paper.step</c>: one paper trading day of an account (seed 002 L5). The day is the one the run's as-of time closes
/// (<see cref="OrdersStage.TradingDay"/>) and the run id must be <c>paper-{meta}-{yyyymmdd}</c>, so a day is one run and
/// running it twice changes nothing. Reads the previous day's book (or opens one with the capital), applies an audited
/// resume if one was recorded for it, reads the model run's target weights and the day's bronze bars, runs
/// <see cref="PaperBroker.Step"/>, and writes the book, the orders and their decision trail, fills, rejects and PnL per
/// asset and sleeve; every order, fill, reject and a tripped limit go to the audit ledger.
/// </summary>
public sealed class PaperStepStage : LakeStage<PaperStepParameters>
{
    /// <summary>The stage id.</summary>
    public const string Id = "paper.step";

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, PaperStepParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        LakePath orders = ModelOrders(parameters);
        return Task.FromResult<IReadOnlyList<StageInput>>([new StageInput($"gold.{parameters.Meta}.orders.{parameters.ModelRun}", LakeIdentifier.Parse(parameters.ModelPipeline, "model_pipeline"), SemVer.Parse(parameters.ModelVersion), [orders])]);
    }

    /// <inheritdoc/>
    protected override async Task<StageResult> RunAsync(StageContext context, PaperStepParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        DateOnly date = OrdersStage.TradingDay(context.AsOf);
        LakeIdentifier meta = LakeIdentifier.Parse(parameters.Meta, "meta");
        var store = new PaperStore(context.Lake, meta, context.PipelineId, context.PipelineVersion);
        if (!string.Equals(context.RunId.Value, store.RunIdOf(date), StringComparison.Ordinal))
        {
            throw new ArgumentException($"node '{context.NodeKey}': a paper day is the run '{store.RunIdOf(date)}' (as of {context.AsOf:O} closes {date:yyyy-MM-dd}), not '{context.RunId}'");
        }

        IReadOnlyList<DateOnly> days = await store.DaysAsync(cancellationToken);
        if (days.Count > 0 && days[^1] > date)
        {
            throw new TradingException(ErrorCodes.TradingBookState, $"the paper book of '{parameters.Meta}' already traded {days[^1]:yyyy-MM-dd}; {date:yyyy-MM-dd} is before it");
        }

        (PaperBook book, JsonObject? resume) = await PreviousAsync(store, days, date, parameters.Capital, cancellationToken);
        LakeTable modelOrders = await LakeTableStore.ReadAsync(context.Lake, ModelOrders(parameters), cancellationToken: cancellationToken);
        Dictionary<string, double> targets = OrdersTable.TargetsOf(modelOrders);
        var symbols = new SortedSet<string>(targets.Keys, StringComparer.Ordinal);
        symbols.UnionWith(book.Positions.Keys);
        foreach (PlannedOrder o in book.Pending)
        {
            symbols.Add(o.Symbol);
        }

        BronzePrices bars = await BronzePrices.LoadAsync(context.Lake, symbols, date, date, cancellationToken);
        (Dictionary<string, double> open, Dictionary<string, double> close) = DayPrices(bars, symbols, date);
        var input = new PaperDayInput
        {
            Date = date,
            Open = open,
            Close = close,
            Targets = targets,
            Sizing = VenueParameters.Sizing(parameters.Capital, parameters.PartialRebalance, parameters.DefaultVenue, parameters.Venues, "paper"),
            Friction = new Friction(parameters.SlippageBps, parameters.CommissionBps),
            VenueFriction = parameters.Frictions(),
            Limits = parameters.Limits(),
        };
        PaperDay day = PaperBroker.Step(book, input);
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> shares = await SleeveSharesAsync(context.Lake, parameters, cancellationToken);
        return await WriteAsync(context, parameters, day, targets, shares, resume, cancellationToken);
    }

    private static LakePath ModelOrders(PaperStepParameters p) =>
        LakePathResolver.GoldPart(LakeIdentifier.Parse(p.Meta, "meta"), LakeIdentifier.Parse(p.ModelPipeline, "model_pipeline"), SemVer.Parse(p.ModelVersion), LakeIdentifier.Parse(OrdersTable.Dataset), RunId.Parse(p.ModelRun), 0);

    private static async Task<(PaperBook Book, JsonObject? Resume)> PreviousAsync(PaperStore store, IReadOnlyList<DateOnly> days, DateOnly date, double capital, CancellationToken cancellationToken)
    {
        for (int i = days.Count - 1; i >= 0; i--)
        {
            if (days[i] < date && await store.ReadBookAsync(days[i], cancellationToken) is { } json)
            {
                PaperBook book = PaperBookJson.FromJson(json).Book;
                JsonObject? resume = await store.ReadResumeAsync(days[i], cancellationToken);
                return resume is not null && book.KillSwitch.Tripped ? (PaperBroker.Resume(book), resume) : (book, null);
            }
        }

        return (PaperBook.Open(capital), null);
    }

    private static (Dictionary<string, double> Open, Dictionary<string, double> Close) DayPrices(BronzePrices bars, IEnumerable<string> symbols, DateOnly date)
    {
        var open = new Dictionary<string, double>(StringComparer.Ordinal);
        var close = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string symbol in symbols)
        {
            if (bars.Bar(symbol, date) is { } bar)
            {
                open[symbol] = bar.Open;
                close[symbol] = bar.Close;
            }
        }

        return open.Count > 0 ? (open, close) : throw new TradingException(ErrorCodes.TradingMissingPrice, $"no bronze bar dated {date:yyyy-MM-dd} for any of the {close.Count + symbols.Count()} symbols traded or held: ingest the day first");
    }

    // Each sleeve's share of a symbol's meta target: sleeve weight × sleeve position / Σ over sleeves (the model run's sleeve_weights and positions).
    private static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> SleeveSharesAsync(ILakeStore lake, PaperStepParameters p, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        LakeIdentifier pipeline = LakeIdentifier.Parse(p.ModelPipeline, "model_pipeline");
        SemVer version = SemVer.Parse(p.ModelVersion);
        RunId run = RunId.Parse(p.ModelRun);
        LakePath weightsPath = LakePathResolver.GoldPart(LakeIdentifier.Parse(p.Meta), pipeline, version, LakeIdentifier.Parse(AggregateStage.SleeveWeightsDataset), run, 0);
        if (await lake.GetInfoAsync(weightsPath, cancellationToken) is null)
        {
            return result;
        }

        LakeTable weights = await LakeTableStore.ReadAsync(lake, weightsPath, cancellationToken: cancellationToken);
        var contributions = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        string[] sleeves = weights.Strings("sleeve");
        double[] w = weights.Doubles("weight");
        for (int s = 0; s < sleeves.Length; s++)
        {
            LakeTable positions = await LakeTableStore.ReadAsync(lake, LakePathResolver.GoldPart(LakeIdentifier.Parse(sleeves[s], "sleeve"), pipeline, version, LakeIdentifier.Parse(PositionsTable.Dataset), run, 0), cancellationToken: cancellationToken);
            string[] symbols = positions.Strings("symbol");
            double[] pw = positions.Doubles("weight");
            for (int i = 0; i < symbols.Length; i++)
            {
                if (!contributions.TryGetValue(symbols[i], out var bySleeve))
                {
                    contributions[symbols[i]] = bySleeve = new Dictionary<string, double>(StringComparer.Ordinal);
                }

                bySleeve[sleeves[s]] = bySleeve.GetValueOrDefault(sleeves[s]) + (w[s] * pw[i]);
            }
        }

        foreach ((string symbol, Dictionary<string, double> bySleeve) in contributions)
        {
            double total = bySleeve.Values.Sum();
            if (total != 0)
            {
                result[symbol] = bySleeve.ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal);
            }
        }

        return result;
    }

    private static async Task<StageResult> WriteAsync(StageContext context, PaperStepParameters parameters, PaperDay day, Dictionary<string, double> targets, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> shares, JsonObject? resume, CancellationToken cancellationToken)
    {
        string meta = parameters.Meta;
        string date = day.Book.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (resume is not null)
        {
            await context.AuditAsync("paper.resume_applied", new JsonObject { ["date"] = date, ["resume"] = resume.DeepClone() }, cancellationToken);
        }

        LakePath ordersPart = StageDatasets.GoldPart(context, meta, OrdersTable.Dataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, ordersPart, OrdersTable.From(day.Plan), cancellationToken);
        var header = new JsonObject { ["run_id"] = context.RunId.Value, ["date"] = date, ["model_run"] = parameters.ModelRun, ["positions_source"] = "paper", ["partial_rebalance"] = parameters.PartialRebalance };
        JsonObject ordersJson = OrdersTable.ToJson(day.Plan, header);
        var accepted = new JsonArray();
        foreach (PlannedOrder o in day.Book.Pending)
        {
            accepted.Add(o.OrderId);
        }

        ordersJson["accepted"] = accepted;
        LakePath ordersFile = StageDatasets.GoldFile(context, meta, OrdersTable.Dataset, OrdersTable.JsonFile);
        await LakeWrites.WriteBytesOnceAsync(context.Lake, ordersFile, StageJson.ToBytes(ordersJson), cancellationToken);

        LakeTable fills = PaperTables.Fills(day.Fills);
        LakeTable rejects = PaperTables.Rejects(day.Rejects);
        LakeTable pnl = PaperTables.Pnl(day.Pnl, shares);
        LakePath fillsPart = StageDatasets.GoldPart(context, meta, PaperTables.FillsDataset);
        LakePath rejectsPart = StageDatasets.GoldPart(context, meta, PaperTables.RejectsDataset);
        LakePath pnlPart = StageDatasets.GoldPart(context, meta, PaperTables.PnlDataset);
        await LakeWrites.WriteTableOnceAsync(context.Lake, fillsPart, fills, cancellationToken);
        await LakeWrites.WriteTableOnceAsync(context.Lake, rejectsPart, rejects, cancellationToken);
        await LakeWrites.WriteTableOnceAsync(context.Lake, pnlPart, pnl, cancellationToken);

        JsonObject bookJson = PaperBookJson.ToJson(day.Book, parameters.Capital, targets, parameters.Limits());
        bookJson["model_run"] = parameters.ModelRun;
        LakePath bookFile = StageDatasets.GoldFile(context, meta, PaperStore.BookDataset, "book.json");
        await LakeWrites.WriteBytesOnceAsync(context.Lake, bookFile, StageJson.ToBytes(bookJson), cancellationToken);

        await context.AuditAsync("paper.fills", new JsonObject { ["date"] = date, ["fills"] = Rows(fills) }, cancellationToken);
        await context.AuditAsync("paper.rejects", new JsonObject { ["date"] = date, ["rejects"] = Rows(rejects) }, cancellationToken);
        await context.AuditAsync("paper.orders", ordersJson.DeepClone().AsObject(), cancellationToken);
        if (day.Tripped is not null)
        {
            await context.AuditAsync("paper.kill_switch", new JsonObject { ["date"] = date, ["reason"] = day.Tripped, ["flatten"] = parameters.FlattenOnTrip }, cancellationToken);
        }

        var summary = new JsonObject
        {
            ["date"] = date,
            ["equity"] = Math.Round(day.Book.Equity, 2),
            ["cash"] = Math.Round(day.Book.Cash, 2),
            ["day_pnl"] = Math.Round(day.Book.Equity - day.PreviousEquity, 2),
            ["pnl_by_sleeve"] = PaperTables.BySleeve(pnl),
            ["fills"] = day.Fills.Count,
            ["rejects"] = day.Rejects.Count,
            ["orders"] = day.Book.Pending.Count,
            ["kill_switch"] = day.Book.KillSwitch.Tripped ? day.Book.KillSwitch.Reason : null,
        };
        await context.AuditAsync("paper.day", summary.DeepClone().AsObject(), cancellationToken);
        return new StageResult
        {
            RowsRead = targets.Count,
            RowsWritten = fills.RowCount + rejects.RowCount + day.Plan.Decisions.Count,
            Outputs = [Output("book", bookFile), Output("orders", ordersPart), Output("orders_json", ordersFile), Output("fills", fillsPart), Output("rejects", rejectsPart), Output("pnl", pnlPart)],
            Summary = summary,
        };
    }

    private static JsonArray Rows(LakeTable table)
    {
        var rows = new JsonArray();
        for (int r = 0; r < table.RowCount; r++)
        {
            var row = new JsonObject();
            foreach (ColumnBuffer column in table.Columns)
            {
                row[column.Column.Name] = column.Values switch
                {
                    string[] s => JsonValue.Create(s[r]),
                    double[] d => JsonValue.Create(d[r]),
                    _ => null,
                };
            }

            rows.Add(row);
        }

        return rows;
    }
}
