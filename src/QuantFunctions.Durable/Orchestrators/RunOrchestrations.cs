using Microsoft.DurableTask;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable.Orchestrators;

/// <summary>
/// The orchestrator bodies, shared by the Functions app (which wraps each in a <c>[Function]</c>) and by <c>quant worker</c>
/// and the tests (which register them on a Durable Task worker). The orchestration's instance id is the run id.
/// </summary>
public static class RunOrchestrations
{
    /// <summary>
    /// The data orchestrator: records the start of a DataOps run, walks its plan — the per-universe nodes fan out as
    /// parallel activities — and records its end (which publishes the hand-off). It never runs a model pipeline.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run is a model run.</exception>
    public static Task<RunOutcome> DataAsync(TaskOrchestrationContext context, RunStart start) =>
        RunAsync(context, start, PipelineKind.Data);

    /// <summary>
    /// The model orchestrator: records the start of a model run, runs each sleeve as a sub-orchestration — all sleeves in
    /// parallel — and the meta nodes once the sleeves they need are done (the meta stage's completeness gate then sees
    /// every sleeve's output, or the run fails naming the sleeve that failed), and records its end.
    /// </summary>
    /// <exception cref="InvalidOperationException">The run is a data run.</exception>
    public static Task<RunOutcome> ModelAsync(TaskOrchestrationContext context, RunStart start) =>
        RunAsync(context, start, PipelineKind.Model);

    /// <summary>The sleeve orchestrator: walks one sleeve's nodes of a model run execution and returns their states.</summary>
    public static async Task<SleeveResult> SleeveAsync(TaskOrchestrationContext context, SleeveWork work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        var walker = new PlanWalker(context, work.Scope, work.RunId, work.Attempt, work.States, work.FailFast, work.Retry) { Graph = work.Graph };
        await walker.WalkAsync(UnitGraph.Flat(work.Graph));
        return new SleeveResult(walker.States, walker.Lost);
    }

    /// <summary>
    /// The chain orchestrator: runs each run of <paramref name="chain"/> as a sub-orchestration of its kind's orchestrator,
    /// with its run id as the instance id, one after the other; stops at the first run that does not succeed. Returns the
    /// outcomes of the runs it ran.
    /// </summary>
    public static async Task<IReadOnlyList<RunOutcome>> ChainAsync(TaskOrchestrationContext context, RunChain chain)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(chain);
        var outcomes = new List<RunOutcome>(chain.Runs.Count);
        foreach (ChainedRun run in chain.Runs)
        {
            context.SetCustomStatus(new { run = run.Start.RunId, of = chain.Runs.Count, done = outcomes.Count });
            RunOutcome outcome = await context.CallSubOrchestratorAsync<RunOutcome>(run.Orchestrator, run.Start, new SubOrchestrationOptions(instanceId: run.Start.RunId));
            outcomes.Add(outcome);
            if (outcome.Status != RunStatus.Succeeded)
            {
                break;
            }
        }

        context.SetCustomStatus(null);
        return outcomes;
    }

    private static async Task<RunOutcome> RunAsync(TaskOrchestrationContext context, RunStart start, PipelineKind kind)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        RunGraph run = await context.CallActivityAsync<RunGraph>(DurableNames.StartRun, start, PlanWalker.StepOptions(DefaultStartRetry));
        if (run.Kind != kind)
        {
            throw new InvalidOperationException(
                $"run '{run.RunId}' is a {run.Kind.ToString().ToLowerInvariant()} pipeline; start it with {DurableNames.OrchestratorFor(run.Kind)}, not the {kind.ToString().ToLowerInvariant()} orchestrator");
        }

        var walker = new PlanWalker(context, run.Scope, run.RunId, run.Attempt, run.States, run.FailFast, run.Retry) { Graph = run.Graph };
        await walker.WalkAsync(kind == PipelineKind.Model ? UnitGraph.Condense(run.Graph) : UnitGraph.Flat(run.Graph));
        RunCompletion completion = new(run.Scope, run.RunId, run.Attempt, walker.Status(run.Graph), walker.Lost);
        RunOutcome outcome = await context.CallActivityAsync<RunOutcome>(DurableNames.CompleteRun, completion, PlanWalker.StepOptions(run.Retry));
        context.SetCustomStatus(null);
        return outcome;
    }

    // The start step's retry (before the run's own settings are known): 4 attempts, 1 s doubling.
    private static readonly StepRetry DefaultStartRetry = new(4, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}
