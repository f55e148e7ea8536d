using Microsoft.DurableTask;
using QuantFunctions.Durable.Activities;
using QuantFunctions.Durable.Orchestrators;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable;

/// <summary>Registers QuantFunctions' orchestrators and activities on a Durable Task worker outside Functions (<c>quant worker</c>, tests).</summary>
public static class DurableTaskRegistration
{
    /// <summary>Adds the data, model, chain and sleeve orchestrators and the four activities over <paramref name="activities"/>.</summary>
    public static DurableTaskRegistry AddQuantTasks(this DurableTaskRegistry registry, RunActivities activities)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(activities);
        registry.AddOrchestratorFunc<RunStart, RunOutcome>(DurableNames.DataOrchestrator, (context, start) => RunOrchestrations.DataAsync(context, start));
        registry.AddOrchestratorFunc<RunStart, RunOutcome>(DurableNames.ModelOrchestrator, (context, start) => RunOrchestrations.ModelAsync(context, start));
        registry.AddOrchestratorFunc<RunChain, IReadOnlyList<RunOutcome>>(DurableNames.ChainOrchestrator, (context, chain) => RunOrchestrations.ChainAsync(context, chain));
        registry.AddOrchestratorFunc<SleeveWork, SleeveResult>(DurableNames.SleeveOrchestrator, (context, work) => RunOrchestrations.SleeveAsync(context, work));
        registry.AddActivityFunc<RunStart, RunGraph>(DurableNames.StartRun, (_, input) => activities.StartRunAsync(input));
        registry.AddActivityFunc<NodeWork, NodeOutcome>(DurableNames.ExecuteNode, (_, input) => activities.ExecuteNodeAsync(input));
        registry.AddActivityFunc<NodeSkips, int>(DurableNames.SkipNodes, (_, input) => activities.SkipNodesAsync(input));
        registry.AddActivityFunc<RunCompletion, RunOutcome>(DurableNames.CompleteRun, (_, input) => activities.CompleteRunAsync(input));
        return registry;
    }
}
