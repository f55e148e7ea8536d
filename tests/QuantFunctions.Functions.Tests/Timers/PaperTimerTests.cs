using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using QuantFunctions.Core.Errors;
using QuantFunctions.Durable;
using QuantFunctions.Durable.Orchestrators;
using QuantFunctions.Functions.Tests.Support;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Tests.Timers;

/// <summary>The paper timer function on the in-process engine, with a fake clock: one chain per trading day.</summary>
public sealed class PaperTimerTests
{
    // QF_PAPER_TIMER '0 30 0 * * *': the 00:30 occurrence of 2023-12-06 trades 2023-12-05, the day that closed before it
    // (inside the demo's synthetic market, which ends 2024-01-02).
    private static readonly DateTimeOffset Occurrence = new(2023, 12, 6, 0, 30, 0, TimeSpan.Zero);
    private const string Chain = "paper-meta-20231205-chain";

    [Fact]
    public async Task TwoInvocations_SameDay_OneChainOfThreeRunsThatRunsToAPaperBook()
    {
        var time = new FakeTimeProvider(Occurrence.AddMilliseconds(350));
        await using FunctionsHarness h = await FunctionsHarness.StartAsync(time);

        await h.PaperTimer.Run(new TimerInfo(), h.Client, h.Context());
        time.Advance(TimeSpan.FromSeconds(3)); // a late duplicate tick, or a second app instance
        ScheduledStart? second = await h.PaperTimer.StartDueAsync(h.Client, previous: null);

        Assert.Equal((Chain, false, ErrorCodes.RunExists), (second!.RunId, second.Started, second.Problem!.Code));
        OrchestrationMetadata chain = Assert.Single(await ChainsAsync(h.Client));
        Assert.Equal(Chain, chain.InstanceId);
        RunChain input = chain.ReadInputAs<RunChain>()!;
        Assert.Equal(["paper-meta-20231205-data", "paper-meta-20231205-model", "paper-meta-20231205"], input.Runs.Select(r => r.Start.RunId));
        Assert.Equal([DurableNames.DataOrchestrator, DurableNames.ModelOrchestrator, DurableNames.ModelOrchestrator], input.Runs.Select(r => r.Orchestrator));
        Assert.All(input.Runs, r => Assert.Equal(new DateTimeOffset(2023, 12, 6, 0, 0, 0, TimeSpan.Zero), r.Start.AsOf)); // midnight after the day
        Assert.Equal("paper-meta-20231205-model", input.Runs[2].Start.Parameters["model_run"]);
        Assert.Single(h.Logs.Lines, l => l.Category == typeof(PaperTimer).FullName && l.Message.Contains("was already started", StringComparison.Ordinal));

        // The chain runs DataOps, the meta pipeline and the paper day, in that order, to a paper book in the lake.
        OrchestrationMetadata done = await h.Client.WaitForInstanceCompletionAsync(Chain, getInputsAndOutputs: true, new CancellationTokenSource(TimeSpan.FromMinutes(8)).Token);
        RunOutcome[] outcomes = done.ReadOutputAs<RunOutcome[]>()!;
        Assert.True(outcomes.Length == 3 && outcomes.All(o => o.Status == RunStatus.Succeeded), string.Join(" | ", outcomes.Select(o => $"{o.RunId} {o.Status} {o.Error}")));
        Assert.NotNull(await h.Lake.TryReadAsync(Lake.Storage.LakePath.Parse("gold/meta/paper/version=1.0.0/book/run=paper-meta-20231205/book.json")));
        Assert.NotNull(await h.Lake.TryReadAsync(Lake.Storage.LakePath.Parse("gold/meta/meta/version=1.0.0/orders/run=paper-meta-20231205-model/orders.json")));
    }

    [Fact]
    public async Task Invocation_NothingDue_StartsNothing()
    {
        var time = new FakeTimeProvider(Occurrence.AddMinutes(5));
        await using FunctionsHarness h = await FunctionsHarness.StartAsync(time);

        Assert.Null(await h.PaperTimer.StartDueAsync(h.Client, previous: null));

        Assert.Empty(await ChainsAsync(h.Client));
    }

    private static async Task<List<OrchestrationMetadata>> ChainsAsync(DurableTaskClient client)
    {
        var instances = new List<OrchestrationMetadata>();
        await foreach (OrchestrationMetadata instance in client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
        {
            if (instance.Name == DurableNames.ChainOrchestrator)
            {
                instances.Add(instance);
            }
        }

        return instances;
    }
}
