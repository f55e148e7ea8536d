using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Startup;
using QuantFunctions.Functions.Tests.Support;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Hosting.Settings;

namespace QuantFunctions.Functions.Tests.Timers;

/// <summary>Which shipped data pipelines are due when: manifest schedules, the QF_DATAOPS_SCHEDULE override, the look-back window.</summary>
public sealed class DataOpsSchedulesTests
{
    private static readonly DateTimeOffset Saturday2230 = new(2024, 1, 6, 22, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday2230 = new(2024, 1, 2, 22, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_ShippedManifests_DataPipelinesWithASchedule()
    {
        DataOpsSchedules plan = DataOpsSchedules.Plan(FunctionsHarness.Settings("/tmp/unused"), ShippedCatalog.Load());

        Assert.Equal(
            [("dataops", "0 30 22 * * *", false), ("dataops_crypto_spot", "0 15 0 * * *", false), ("dataops_us_equity", "0 30 22 * * 1-5", false)],
            plan.Pipelines.Select(p => (p.Pipeline, p.Schedule.Expression, p.Overridden)));
        Assert.Null(plan.Find("meta"));
    }

    [Fact]
    public void Plan_ScheduleOverride_ReplacesTheManifestScheduleOfTheNamedPipelines()
    {
        FunctionsSettings settings = FunctionsHarness.Settings("/tmp/unused", s => s with { DataOpsSchedule = "0 0 * * * *", DataOpsPipelines = ["dataops"] });

        DataOpsSchedules plan = DataOpsSchedules.Plan(settings, ShippedCatalog.Load());

        Assert.Equal(("0 0 * * * *", true), (plan.Find("dataops")!.Schedule.Expression, plan.Find("dataops")!.Overridden));
        Assert.Equal("0 15 0 * * *", plan.Find("dataops_crypto_spot")!.Schedule.Expression);
    }

    [Fact]
    public void Plan_FiveFieldManifestSchedule_AcceptedAsTheManifestReaderAcceptsIt_RunsAtSecondZero()
    {
        // The manifest reader accepts a schedule without seconds; the timer's plan must run it rather than fail start-up.
        string root = Path.Combine(Path.GetTempPath(), "qf-five-field-" + Guid.NewGuid().ToString("N"));
        string folder = Path.Combine(root, "demo", "dataops", "version=1.0.0");
        Directory.CreateDirectory(folder);
        try
        {
            string shipped = File.ReadAllText(Path.Combine(ShippedCatalog.ManifestsRoot, "demo", "dataops", "version=1.0.0", "manifest.json"));
            Assert.Contains("\"schedule\": \"0 30 22 * * *\"", shipped, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "manifest.json"), shipped.Replace("\"schedule\": \"0 30 22 * * *\"", "\"schedule\": \"30 22 * * *\"", StringComparison.Ordinal));

            DataOpsSchedules plan = DataOpsSchedules.Plan(FunctionsHarness.Settings("/tmp/unused"), PipelineCatalog.Load(root, ShippedCatalog.Loader()));

            Assert.Equal([("dataops", "0 30 22 * * *")], plan.Pipelines.Select(p => (p.Pipeline, p.Schedule.Expression)));
            Assert.Equal([new DueRun("dataops", Saturday2230)], plan.Due(Saturday2230.AddMilliseconds(200)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("nosuch", "'nosuch', which is not in the catalog")]
    [InlineData("meta", "'meta', a model pipeline")]
    public void PlanSchedules_OverrideNamesABadPipeline_StartupFailsNamingTheSetting(string pipeline, string message)
    {
        FunctionsSettings settings = FunctionsHarness.Settings("/tmp/unused", s => s with { DataOpsSchedule = "0 0 * * * *", DataOpsPipelines = [pipeline] });

        var ex = Assert.Throws<StartupValidationException>(() => StartupValidator.PlanSchedules(settings, ShippedCatalog.Load()));

        Assert.Equal(SettingNames.DataOpsPipelines, ex.Setting);
        Assert.Contains(SettingNames.DataOpsPipelines, ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Due_SaturdayJustAfterTheOccurrence_OnlyTheDailyPipeline()
    {
        DataOpsSchedules plan = DataOpsSchedules.Plan(FunctionsHarness.Settings("/tmp/unused"), ShippedCatalog.Load());

        Assert.Equal([new DueRun("dataops", Saturday2230)], plan.Due(Saturday2230.AddMilliseconds(200)));
        Assert.Equal([new DueRun("dataops", Tuesday2230), new DueRun("dataops_us_equity", Tuesday2230)], plan.Due(Tuesday2230.AddSeconds(1)));
    }

    [Fact]
    public void Due_OutsideTheWindow_NothingUnlessThePreviousTickIsBeforeTheOccurrence()
    {
        DataOpsSchedules plan = DataOpsSchedules.Plan(FunctionsHarness.Settings("/tmp/unused"), ShippedCatalog.Load());
        DateTimeOffset late = Saturday2230.AddMinutes(3);

        Assert.Empty(plan.Due(late));
        Assert.Empty(plan.Due(late, previous: Saturday2230)); // the previous tick already covered it
        Assert.Equal([new DueRun("dataops", Saturday2230)], plan.Due(late, previous: Saturday2230.AddSeconds(-1)));
        Assert.Empty(plan.Due(late, previous: Saturday2230.AddDays(-3))); // beyond the catch-up limit: the last minute only
    }

    [Fact]
    public void Due_EveryMinuteOverride_TheLatestOccurrenceOnce()
    {
        FunctionsSettings settings = FunctionsHarness.Settings("/tmp/unused", s => s with { DataOpsSchedule = "0 * * * * *", DataOpsPipelines = ["dataops"] });
        DataOpsSchedules plan = DataOpsSchedules.Plan(settings, ShippedCatalog.Load());

        IReadOnlyList<DueRun> due = plan.Due(Saturday2230.AddMinutes(10).AddSeconds(5), previous: Saturday2230.AddSeconds(5));

        Assert.Equal([new DueRun("dataops", Saturday2230.AddMinutes(10))], due);
    }
}
