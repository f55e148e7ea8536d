using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Execution;
using QuantFunctions.Core.Paper;
using QuantFunctions.Core.Trading;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Benchmarks.Paper;

/// <summary>
/// One paper trading day of a 4-sleeve meta-portfolio over 200 assets, after the model pipeline (issue 16 target
/// ≤ 200 ms): fill 200 pending orders at the open through the fill model, mark, check the limits, size 200 new orders,
/// then write the orders decision trail (Parquet + orders.json), fills, rejects, PnL and book.json create-only to a
/// local-folder lake and append the day's five audit entries to a hash-chained ledger. Bars are given (no bronze read).
/// Run: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*PaperDayBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class PaperDayBenchmarks
{
    private const int Assets = 200;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qf-bench-paper-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    private PaperBook _book = null!;
    private PaperDayInput _input = null!;
    private FileSystemLakeStore _lake = null!;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        var open = new Dictionary<string, double>(StringComparer.Ordinal);
        var close = new Dictionary<string, double>(StringComparer.Ordinal);
        var targets = new Dictionary<string, double>(StringComparer.Ordinal);
        var yesterday = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < Assets; i++)
        {
            // 4 sleeves of 50: crypto long/short on BINANCE, equity long/short on XNYS.
            string symbol = (i < 100 ? "BINANCE:C" : "XNYS:E") + i.ToString("000", CultureInfo.InvariantCulture);
            double price = 10 + (random.NextDouble() * 200);
            yesterday[symbol] = price;
            open[symbol] = price * (1 + ((random.NextDouble() - 0.5) * 0.01));
            close[symbol] = open[symbol] * (1 + ((random.NextDouble() - 0.5) * 0.02));
            targets[symbol] = (i % 100 < 50 ? 1 : -1) * (0.5 + random.NextDouble()) / 100;
        }

        var sizing = new OrderSizingOptions { Capital = 10_000_000, OrderIdPrefix = "20240102", Venues = new Dictionary<string, VenueRules> { ["BINANCE"] = new(0.0001, 0.01, 10) } };
        OrderPlan first = OrderSizer.Plan(targets, new Dictionary<string, double>(), yesterday, sizing);
        _book = PaperBook.Open(10_000_000) with { Date = new DateOnly(2024, 1, 1), Pending = first.Orders };
        var drifted = targets.ToDictionary(t => t.Key, t => t.Value * (1 + ((random.NextDouble() - 0.5) * 0.5)), StringComparer.Ordinal);
        _input = new PaperDayInput { Date = new DateOnly(2024, 1, 2), Open = open, Close = close, Targets = drifted, Sizing = sizing, VenueFriction = new Dictionary<string, Friction> { ["BINANCE"] = Friction.Crypto } };
        Directory.CreateDirectory(_root);
        _lake = new FileSystemLakeStore(_root);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public PaperDay StepOnly() => PaperBroker.Step(_book, _input);

    [Benchmark]
    public async Task<int> StepAndWrite()
    {
        PaperDay day = PaperBroker.Step(_book, _input);
        var run = RunId.Parse("paper-bench-" + (++_iteration).ToString(CultureInfo.InvariantCulture));
        LakeIdentifier meta = LakeIdentifier.Parse("meta"), pipeline = LakeIdentifier.Parse("paper");
        SemVer version = SemVer.Parse("1.0.0");
        LakePath Part(string dataset) => LakePathResolver.GoldPart(meta, pipeline, version, LakeIdentifier.Parse(dataset), run, 0);
        LakePath File(string dataset, string name) => LakePathResolver.GoldFile(meta, pipeline, version, LakeIdentifier.Parse(dataset), run, name);
        JsonObject orders = OrdersTable.ToJson(day.Plan, new JsonObject { ["run_id"] = run.Value });
        await LakeWrites.WriteTableOnceAsync(_lake, Part(OrdersTable.Dataset), OrdersTable.From(day.Plan), CancellationToken.None);
        await LakeWrites.WriteBytesOnceAsync(_lake, File(OrdersTable.Dataset, OrdersTable.JsonFile), StageJson.ToBytes(orders), CancellationToken.None);
        await LakeWrites.WriteTableOnceAsync(_lake, Part(PaperTables.FillsDataset), PaperTables.Fills(day.Fills), CancellationToken.None);
        await LakeWrites.WriteTableOnceAsync(_lake, Part(PaperTables.RejectsDataset), PaperTables.Rejects(day.Rejects), CancellationToken.None);
        await LakeWrites.WriteTableOnceAsync(_lake, Part(PaperTables.PnlDataset), PaperTables.Pnl(day.Pnl, new Dictionary<string, IReadOnlyDictionary<string, double>>()), CancellationToken.None);
        await LakeWrites.WriteBytesOnceAsync(_lake, File(PaperStore.BookDataset, "book.json"), StageJson.ToBytes(PaperBookJson.ToJson(day.Book, 10_000_000, _input.Targets, _input.Limits)), CancellationToken.None);
        using var ledger = AuditLedger.ForRun(_lake, LakeIdentifier.Parse("bench"), run);
        const string Trace = "0123456789abcdef0123456789abcdef";
        var fills = new JsonArray();
        foreach (PaperFill f in day.Fills)
        {
            fills.Add(new JsonObject { ["order_id"] = f.OrderId, ["quantity"] = f.Fill.Quantity, ["price"] = f.Fill.Price, ["commission"] = f.Fill.Commission });
        }

        await ledger.AppendAsync(new AuditEvent("paper.fills", "paper.step", Trace, new JsonObject { ["fills"] = fills }));
        await ledger.AppendAsync(new AuditEvent("paper.rejects", "paper.step", Trace, new JsonObject { ["rejects"] = day.Rejects.Count }));
        await ledger.AppendAsync(new AuditEvent("paper.orders", "paper.step", Trace, orders));
        await ledger.AppendAsync(new AuditEvent("paper.day", "paper.step", Trace, new JsonObject { ["equity"] = day.Book.Equity }));
        return day.Fills.Count;
    }
}
