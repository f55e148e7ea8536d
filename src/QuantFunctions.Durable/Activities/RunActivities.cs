using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Durable.Activities;

/// <summary>
/// The activities of the orchestrators, over <see cref="RunSteps"/>: each is idempotent, so Durable's at-least-once
/// delivery leaves the lake and the ledger as one delivery would. The Functions app wraps each in a <c>[Function]</c>;
/// <c>quant worker</c> and the tests register them on a Durable Task worker.
/// </summary>
/// <param name="steps">The run steps over the lake.</param>
public sealed class RunActivities(RunSteps steps)
{
    /// <summary><see cref="DurableNames.StartRun"/>.</summary>
    public Task<RunGraph> StartRunAsync(RunStart start, CancellationToken cancellationToken = default) => steps.StartAsync(start, cancellationToken);

    /// <summary><see cref="DurableNames.ExecuteNode"/>.</summary>
    public Task<NodeOutcome> ExecuteNodeAsync(NodeWork work, CancellationToken cancellationToken = default) => steps.ExecuteNodeAsync(work, cancellationToken);

    /// <summary><see cref="DurableNames.SkipNodes"/>.</summary>
    public async Task<int> SkipNodesAsync(NodeSkips skips, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(skips);
        await steps.SkipAsync(skips, cancellationToken).ConfigureAwait(false);
        return skips.Skips.Count;
    }

    /// <summary><see cref="DurableNames.CompleteRun"/>.</summary>
    public Task<RunOutcome> CompleteRunAsync(RunCompletion completion, CancellationToken cancellationToken = default) => steps.CompleteAsync(completion, cancellationToken);
}
