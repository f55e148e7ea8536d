using Microsoft.Azure.Functions.Worker;
using QuantFunctions.Durable;
using QuantFunctions.Durable.Activities;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Orchestrators;

/// <summary>The activity functions: thin wrappers over <see cref="RunActivities"/> (idempotent steps over <see cref="RunSteps"/>).</summary>
/// <param name="activities">The activities, over the app's one <see cref="RunSteps"/>.</param>
public sealed class ActivityFunctions(RunActivities activities)
{
    /// <summary><see cref="DurableNames.StartRun"/>: records a run's start (or restart) and returns its plan graph.</summary>
    [Function(DurableNames.StartRun)]
    public Task<RunGraph> StartRun([ActivityTrigger] RunStart input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return activities.StartRunAsync(input, context.CancellationToken);
    }

    /// <summary><see cref="DurableNames.ExecuteNode"/>: runs one node.</summary>
    [Function(DurableNames.ExecuteNode)]
    public Task<NodeOutcome> ExecuteNode([ActivityTrigger] NodeWork input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return activities.ExecuteNodeAsync(input, context.CancellationToken);
    }

    /// <summary><see cref="DurableNames.SkipNodes"/>: records nodes the planner skipped.</summary>
    [Function(DurableNames.SkipNodes)]
    public Task<int> SkipNodes([ActivityTrigger] NodeSkips input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return activities.SkipNodesAsync(input, context.CancellationToken);
    }

    /// <summary><see cref="DurableNames.CompleteRun"/>: records a run's outcome (and a data run's hand-off).</summary>
    [Function(DurableNames.CompleteRun)]
    public Task<RunOutcome> CompleteRun([ActivityTrigger] RunCompletion input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return activities.CompleteRunAsync(input, context.CancellationToken);
    }
}
