using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using QuantFunctions.Durable;
using QuantFunctions.Durable.Orchestrators;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Orchestrators;

/// <summary>
/// The orchestrator functions: thin wrappers over <see cref="RunOrchestrations"/>, the bodies <c>quant worker</c> and the
/// tests register on a Durable Task worker. Replay-safe: they only read the input and call the shared body.
/// </summary>
public static class OrchestratorFunctions
{
    /// <summary><see cref="DurableNames.DataOrchestrator"/>: walks a data pipeline's plan.</summary>
    [Function(DurableNames.DataOrchestrator)]
    public static Task<RunOutcome> DataOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunOrchestrations.DataAsync(context, InputOf<RunStart>(context));
    }

    /// <summary><see cref="DurableNames.ModelOrchestrator"/>: walks a model pipeline's plan, one sub-orchestration per sleeve.</summary>
    [Function(DurableNames.ModelOrchestrator)]
    public static Task<RunOutcome> ModelOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunOrchestrations.ModelAsync(context, InputOf<RunStart>(context));
    }

    /// <summary><see cref="DurableNames.ChainOrchestrator"/>: runs a chain of runs one after the other (the paper timer's day).</summary>
    [Function(DurableNames.ChainOrchestrator)]
    public static Task<IReadOnlyList<RunOutcome>> ChainOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunOrchestrations.ChainAsync(context, InputOf<RunChain>(context));
    }

    /// <summary><see cref="DurableNames.SleeveOrchestrator"/>: walks one sleeve of a model run.</summary>
    [Function(DurableNames.SleeveOrchestrator)]
    public static Task<SleeveResult> SleeveOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunOrchestrations.SleeveAsync(context, InputOf<SleeveWork>(context));
    }

    private static T InputOf<T>(TaskOrchestrationContext context)
        where T : class =>
        context.GetInput<T>() ?? throw new InvalidOperationException($"Orchestration '{context.InstanceId}' ({context.Name}) was started without its {typeof(T).Name} input.");
}
