using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using QuantFunctions.Core.Errors;
using QuantFunctions.Durable;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Tests.Support;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Tests.Timers;

/// <summary>The DataOps timer function on the in-process engine, with a fake clock.</summary>
public sealed class DataOpsTimerTests
{
    // A Saturday: of the shipped data pipelines only 'dataops' (daily 22:30) is due; dataops_us_equity runs on weekdays.
    private static readonly DateTimeOffset Occurrence = new(2024, 1, 6, 22, 30, 0, TimeSpan.Zero);
    private const string RunId = "dataops-20240106t223000000z-s42";

    [Fact]
    public async Task TwoInvocations_SameOccurrence_OneRunStartedAndTheSecondLogsItWasAlreadyStarted()
    {
        var time = new FakeTimeProvider(Occurrence.AddMilliseconds(350));
        await using FunctionsHarness h = await FunctionsHarness.StartAsync(time);

        await h.Timer.Run(new TimerInfo(), h.Client, h.Context());
        time.Advance(TimeSpan.FromSeconds(3)); // a second app instance, or a late duplicate tick, for the same occurrence
        await h.Timer.Run(new TimerInfo(), h.Client, h.Context());

        List<OrchestrationMetadata> instances = await InstancesAsync(h.Client);
        OrchestrationMetadata run = Assert.Single(instances);
        Assert.Equal(RunId, run.InstanceId);
        Assert.Equal(DurableNames.DataOrchestrator, run.Name);
        RunStart start = run.ReadInputAs<RunStart>()!;
        Assert.Equal((Occurrence, 42), (start.AsOf, start.Seed)); // as of the occurrence, not of the tick
        var timerLines = h.Logs.Lines.Where(l => l.Category == typeof(DataOpsTimer).FullName).ToList();
        Assert.Single(timerLines, l => l.Level == LogLevel.Information && l.Message.Contains($"started run {RunId}", StringComparison.Ordinal));
        Assert.Single(timerLines, l => l.Level == LogLevel.Information && l.Message.Contains("was already started", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Logs.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task ConcurrentInvocations_SameOccurrence_OneStartsTheOtherFindsItStarted()
    {
        var time = new FakeTimeProvider(Occurrence.AddSeconds(1));
        await using FunctionsHarness h = await FunctionsHarness.StartAsync(time);

        IReadOnlyList<ScheduledStart>[] both = await Task.WhenAll(
            h.Timer.StartDueAsync(h.Client, previous: null), h.Timer.StartDueAsync(h.Client, previous: null));

        ScheduledStart[] starts = [.. both.SelectMany(s => s)];
        Assert.Equal(2, starts.Length);
        Assert.All(starts, s => Assert.Equal(RunId, s.RunId));
        Assert.Single(starts, s => s.Started);
        Assert.Single(starts, s => !s.Started && s.Problem!.Code == ErrorCodes.RunExists);
        Assert.Single(await InstancesAsync(h.Client));
    }

    [Fact]
    public async Task Invocation_NothingDue_StartsNothing()
    {
        var time = new FakeTimeProvider(Occurrence.AddMinutes(2));
        await using FunctionsHarness h = await FunctionsHarness.StartAsync(time);

        await h.Timer.Run(new TimerInfo(), h.Client, h.Context());

        Assert.Empty(await InstancesAsync(h.Client));
    }

    [Fact]
    public async Task Invocation_AfterDowntime_StartsTheOccurrenceSinceThePreviousTick()
    {
        var time = new FakeTimeProvider(Occurrence.AddMinutes(40));
        await using FunctionsHarness h = await FunctionsHarness.StartAsync(time);
        var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = Occurrence.AddMinutes(-5).UtcDateTime } };

        await h.Timer.Run(timer, h.Client, h.Context());

        Assert.Equal(RunId, Assert.Single(await InstancesAsync(h.Client)).InstanceId);
    }

    private static async Task<List<OrchestrationMetadata>> InstancesAsync(DurableTaskClient client)
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (OrchestrationMetadata instance in client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
        {
            instances.Add(instance);
        }

        return instances;
    }
}
