using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QuantFunctions.Host.Timers;
using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Timers;

/// <summary>The Host's own DataOps timer (used when the Functions host is not driving it).</summary>
public sealed class DataOpsTimerTests
{
    [Fact]
    public async Task Timer_EverySecondSchedule_StartsADataOpsRunOnItsOwn()
    {
        using var lake = new TempDirectory("qf-timer-lake");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("QF_LAKE_ROOT", lake.Path);
            b.UseSetting("QF_MANIFESTS_ROOT", Path.Combine(RepositoryRoot.Find(), "manifests"));
            b.UseSetting("QF_DATAOPS_SCHEDULE", "* * * * * *");
            b.UseSetting("QF_MAX_PARALLELISM", "2");
        });
        using HttpClient client = factory.CreateClient(); // starts the host and its hosted services

        string runs = Path.Combine(lake.Path, "_meta", "demo", "runs");
        string? started = await FirstRunAsync(runs, "dataops-*");

        Assert.NotNull(started);
        Assert.Matches(@"dataops-\d{8}t\d{9}z-s42$", started);
    }

    [Fact]
    public async Task Timer_ManifestWithEverySecondSchedule_StartsItWithoutAnyOverride()
    {
        using var lake = new TempDirectory("qf-timer-lake");
        using var manifests = new TempDirectory("qf-timer-manifests");
        string folder = Path.Combine(manifests.Path, "tick", "tick_data", "version=1.0.0");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), """
            {
              "id": "tick_data", "version": "1.0.0", "scope": "tick", "kind": "data", "schedule": "* * * * * *",
              "nodes": [
                { "id": "ingest", "stage": "dataops.ingest",
                  "params": { "source": "synthetic", "market": "BINANCE", "start": "2024-01-01", "end": "2024-06-30",
                              "calendar_days": 182, "assets_per_market": 20, "seed": 7 } }
              ]
            }
            """);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("QF_LAKE_ROOT", lake.Path);
            b.UseSetting("QF_MANIFESTS_ROOT", manifests.Path);
            b.UseSetting("QF_MAX_PARALLELISM", "2");
        });
        using HttpClient client = factory.CreateClient();

        string runs = Path.Combine(lake.Path, "_meta", "tick", "runs");
        string? started = await FirstRunAsync(runs, "tick-data-*");

        Assert.NotNull(started);

        // The launcher publishes the hand-off once a run succeeds.
        string latest = Path.Combine(lake.Path, "_meta", "tick", "pipelines", "tick_data", "latest.json");
        for (int i = 0; i < 300 && !File.Exists(latest); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(latest), string.Join("\n", Directory.GetFiles(runs, "run.json", SearchOption.AllDirectories).Take(3).Select(File.ReadAllText)));
        Assert.Matches("\"run_id\": \"tick-data-\\d{8}t\\d{9}z-s42\"", await File.ReadAllTextAsync(latest));
    }

    [Theory]
    [InlineData("2026-11-20T22:30:00Z", true)]  // Friday, exactly on the occurrence
    [InlineData("2026-11-20T22:30:59Z", true)]  // within the one-minute window
    [InlineData("2026-11-20T22:31:00Z", false)] // the window (22:30:00, 22:31:00] excludes 22:30:00
    [InlineData("2026-11-21T22:30:00Z", false)] // Saturday: "1-5" is Monday to Friday
    public void IsDue_WeekdayEveningSchedule_DueOnlyWithinTheWindow(string at, bool due)
    {
        var pipeline = new ScheduledPipeline("dataops_us_equity", QuantFunctions.Core.Scheduling.NCrontabSchedule.Parse("0 30 22 * * 1-5"));

        Assert.Equal(due, pipeline.IsDue(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), DataOpsSchedules.InvocationWindow));
    }

    [Fact]
    public void Startup_InvalidSchedule_StopsWithTheFieldNamed()
    {
        using var lake = new TempDirectory("qf-timer-lake");
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("QF_LAKE_ROOT", lake.Path);
            b.UseSetting("QF_MANIFESTS_ROOT", Path.Combine(RepositoryRoot.Find(), "manifests"));
            b.UseSetting("QF_DATAOPS_SCHEDULE", "0 61 * * * *");
        });
        FormatException ex = Assert.Throws<FormatException>(() => factory.CreateClient());
        Assert.Contains("minute value '61'", ex.Message, StringComparison.Ordinal);
    }

    // Polls (up to 20 s) for the first run folder matching the pattern.
    private static async Task<string?> FirstRunAsync(string runs, string pattern)
    {
        string? started = null;
        for (int i = 0; i < 200 && started is null; i++)
        {
            await Task.Delay(100);
            started = Directory.Exists(runs) ? Directory.GetDirectories(runs, pattern).FirstOrDefault() : null;
        }

        return started;
    }
}
