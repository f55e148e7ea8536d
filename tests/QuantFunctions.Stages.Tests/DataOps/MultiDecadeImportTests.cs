using System.Text.Json.Nodes;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Testing;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>
/// Issue 17's import: a per-symbol CSV folder of daily bars 1990-01-02 … 2018-04-11 on the real XNYS sessions (MLK traded
/// before 1998, closed 2001-09-11..14, Sandy, the national days of mourning) through <c>manifests/equity/dataops_us_equity</c>
/// with <c>source=files</c>: ingest, health, returns and features succeed and returns exist only between real sessions.
/// </summary>
public sealed class MultiDecadeImportTests : IDisposable
{
    private static readonly DateOnly First = new(1990, 1, 2), Last = new(2018, 4, 11);
    private static readonly DateTimeOffset AsOf = new(2018, 4, 12, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new("qf-multidecade");

    private string Folder => _dir.Combine("prices");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_ThirtyYearsOfPerSymbolCsv_ImportsEndToEndWithReturnsOnlyBetweenSessions()
    {
        IReadOnlyList<(string File, int Rows)> files = await SampleCsvFolder.WriteAsync(Folder, "XNYS", First, Last, symbols: 6, seed: 7);
        // 7,125 XNYS sessions in 1990-01-02..2018-04-11 (exchange_calendars reference sessions, counted).
        Assert.All(files, f => Assert.Equal(7_125, f.Rows));
        Assert.Contains("1990-01-15,", await File.ReadAllTextAsync(files[0].File), StringComparison.Ordinal); // MLK 1990: traded
        Assert.DoesNotContain("2001-09-11,", await File.ReadAllTextAsync(files[0].File), StringComparison.Ordinal);

        using var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());
        RunRecord run = await RunAsync(host, "import-1");

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => $"{n.Node.Id}: {n.Error?.Message}")));
        JsonObject health = await SummaryAsync(host, run, "dataops.health");
        Assert.Equal(0, (long)health["off_calendar_rows"]!);
        Assert.Equal(0, (long)health["missing_sessions"]!);
        Assert.Equal(6, (int)health["healthy"]!);

        (LakeTable silver, _) = await LakeTableStore.ReadDatasetAsync(host.Lake, LakePath.Parse("silver/us_equity/dataops_us_equity/version=1.0.0/returns"));
        Assert.Equal(6 * (7_125 - 1), silver.RowCount); // one return per consecutive pair of sessions, none padded
        var dates = silver.DateDays("date").Select(LongPanel.ToDate).ToHashSet();
        Assert.All(dates, d => Assert.True(ExchangeCalendars.Nyse.IsSession(d), $"a return dated {d}, not a session"));
        Assert.Contains(new DateOnly(1990, 1, 15), dates);
        Assert.Contains(new DateOnly(2001, 9, 17), dates); // the first session after 9/11: its return spans the closure
        JsonObject features = await SummaryAsync(host, run, "dataops.features");
        Assert.Equal(6, (int)features["symbols_written"]!);
        Assert.Equal(6L * 7_125, (long)features["rows_written"]!);
    }

    [Theory]
    [InlineData("lenient", "DEGRADED", 7_125 - 1)]
    [InlineData("strict", "DROPPED", 0)]
    public async Task Run_BarOnAClosedDay_IsAHealthFindingNotACrash(string policy, string status, int returnsOfThatSymbol)
    {
        IReadOnlyList<(string File, int Rows)> files = await SampleCsvFolder.WriteAsync(Folder, "XNYS", First, Last, symbols: 3, seed: 7);
        // A vendor's bad row: a bar on 2001-09-12, when the NYSE was closed after the September 11 attacks.
        string path = files[0].File;
        List<string> lines = [.. await File.ReadAllLinesAsync(path)];
        int at = lines.FindIndex(l => l.StartsWith("2001-09-17,", StringComparison.Ordinal));
        lines.Insert(at, "2001-09-12" + lines[at][10..]);
        await File.WriteAllLinesAsync(path, lines);
        string symbol = "XNYS:" + Path.GetFileNameWithoutExtension(path);

        using var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());
        RunRecord run = await RunAsync(host, "import-" + policy, "dataops.health:calendar_policy=" + policy);

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => $"{n.Node.Id}: {n.Error?.Message}")));
        JsonObject health = await SummaryAsync(host, run, "dataops.health");
        Assert.Equal(1, (long)health["off_calendar_rows"]!);
        Assert.Equal("2001-09-12", (string)health["off_calendar"]![symbol]!["first"]!);
        Assert.Equal("September 11 attacks", (string)health["off_calendar"]![symbol]!["reason"]!);
        HealthRegistry registry = (await HealthRegistryTable.ReadAsync(host.Lake, "us_equity", "dataops_us_equity", "1.0.0", run.RunId.Value, default))!;
        Assert.Equal(status, registry.Results.Single(r => r.Symbol == symbol).Status.ToString().ToUpperInvariant());

        JsonObject returns = await SummaryAsync(host, run, "dataops.returns");
        (LakeTable silver, _) = await LakeTableStore.ReadDatasetAsync(host.Lake, LakePath.Parse("silver/us_equity/dataops_us_equity/version=1.0.0/returns"));
        Assert.Equal(returnsOfThatSymbol, silver.Strings("symbol").Count(s => s == symbol));
        Assert.Equal(policy == "lenient" ? 1 : 0, (long)returns["off_calendar_rows_dropped"]!);
    }

    private static async Task<JsonObject> SummaryAsync(DagTestHost host, RunRecord run, string kind)
    {
        IReadOnlyList<AuditEntry> ledger = await host.ReadLedgerAsync("equity", run.RunId.Value);
        return Assert.Single(ledger, e => e.Kind == kind).Data;
    }

    private async Task<RunRecord> RunAsync(DagTestHost host, string runId, params string[] extra)
    {
        string json = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "manifests", "equity", "dataops_us_equity", "version=1.0.0", "manifest.json"));
        return await host.RunAsync(json, runId, ["dataops.ingest:source=files", "dataops.ingest:path=" + Folder, "dataops.ingest:start=1990-01-02", .. extra], asOf: AsOf);
    }
}
