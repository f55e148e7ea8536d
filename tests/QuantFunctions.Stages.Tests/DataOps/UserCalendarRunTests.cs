using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.Calendars;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Testing;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>A user calendar stored in the lake is selected by id in a DataOps manifest; an unknown id fails the node naming it.</summary>
public sealed class UserCalendarRunTests : IDisposable
{
    // Monday–Friday, no holidays, 2023-2024: the FX sessions, so FX sample bars are all on it; but 2024-01-01 is closed here.
    private const string Weekdays = """
        { "id": "WEEKDAYS", "time_zone": "UTC", "open": "00:00", "close": "23:59", "first_date": "2023-01-01", "last_date": "2024-12-31",
          "closures": [ { "date": "2024-01-01", "reason": "our venue's New Year" } ] }
        """;

    private readonly TempDirectory _dir = new("qf-usercal");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_UserCalendarById_AuditsAndFormsReturnsOnItsSessions()
    {
        using var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());
        await CalendarCatalog.AddAsync(host.Lake, Weekdays, "weekdays.json");

        RunRecord run = await RunAsync(host, "WEEKDAYS");

        Assert.True(run.Status == RunStatus.Succeeded, string.Join(" | ", run.Nodes.Select(n => $"{n.Node.Id}: {n.Error?.Message}")));
        IReadOnlyList<AuditEntry> ledger = await host.ReadLedgerAsync("equity", run.RunId.Value);
        AuditEntry health = Assert.Single(ledger, e => e.Kind == "dataops.health");
        Assert.Equal("WEEKDAYS", (string)health.Data["calendar"]!);
        Assert.Equal(3, (long)health.Data["off_calendar_rows"]!); // the 2024-01-01 bar of each of the 3 symbols
        Assert.Equal("our venue's New Year", (string)health.Data["off_calendar"]!["FX:EQ001"]!["reason"]!);
        AuditEntry returns = Assert.Single(ledger, e => e.Kind == "dataops.returns");
        Assert.Equal(3, (long)returns.Data["off_calendar_rows_dropped"]!);
        Assert.Contains(run.Inputs, i => i.Name == "calendar.weekdays");
    }

    [Fact]
    public async Task Run_UnknownCalendarId_FailsTheNodeNamingIt()
    {
        using var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());

        RunRecord run = await RunAsync(host, "XLON");

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeState health = Assert.Single(run.Nodes, n => n.Node.Id == "dataops.health");
        Assert.Equal(ErrorCodes.UnknownCalendar.Value, health.Error!.Code);
        Assert.Contains("'XLON'", health.Error.Message, StringComparison.Ordinal);
        Assert.Contains("_meta/calendars/xlon.json", health.Error.Message, StringComparison.Ordinal);
    }

    private async Task<RunRecord> RunAsync(DagTestHost host, string calendar)
    {
        await SampleCsvFolder.WriteAsync(_dir.Combine("fx"), "FX", new DateOnly(2023, 1, 2), new DateOnly(2024, 6, 28), 3, seed: 5);
        string json = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "manifests", "equity", "dataops_us_equity", "version=1.0.0", "manifest.json"));
        string maps = "{\"us_equity\":\"fx\"}", calendars = "{\"us_equity\":\"" + calendar + "\"}";
        return await host.RunAsync(
            json,
            "usercal-" + calendar.ToLowerInvariant(),
            [
                "dataops.ingest:source=files", "dataops.ingest:path=" + _dir.Combine("fx"), "dataops.ingest:market=FX", "dataops.ingest:start=2023-01-02",
                "dataops.health:markets=" + maps, "dataops.health:calendars=" + calendars,
                "dataops.returns:markets=" + maps, "dataops.returns:calendars=" + calendars,
                "dataops.features:markets=" + maps, "dataops.features:calendars=" + calendars,
            ],
            asOf: new DateTimeOffset(2024, 6, 29, 0, 0, 0, TimeSpan.Zero));
    }
}
