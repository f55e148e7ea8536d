using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
        string? started = null;
        for (int i = 0; i < 200 && started is null; i++)
        {
            await Task.Delay(100);
            started = Directory.Exists(runs) ? Directory.GetDirectories(runs, "dataops-*").FirstOrDefault() : null;
        }

        Assert.NotNull(started);
        Assert.Matches(@"dataops-\d{8}t\d{9}z-s42$", started);
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
}
