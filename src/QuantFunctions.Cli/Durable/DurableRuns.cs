using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Core.Errors;
using QuantFunctions.Durable;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Cli.Durable;

/// <summary>
/// Pipeline runs as Durable orchestrations on a task hub, for <c>quant pipeline run|resume --durable</c> and
/// <c>quant pipeline cancel</c>: the orchestration's instance id is the run id, the lake's <c>run.json</c> is the record.
/// A run whose orchestration is active is followed, not started twice; a recorded run is restarted (attempt + 1, going
/// on from its recorded state) as the local runner resumes it.
/// </summary>
/// <param name="client">The task hub's client.</param>
/// <param name="runtime">The lake and runner the runs are recorded with.</param>
/// <param name="taskHub">The task hub's name (for messages).</param>
/// <param name="time">The clock of the waits.</param>
internal sealed class DurableRuns(DurableTaskClient client, PipelineRuntime runtime, string taskHub, TimeProvider time)
{
    // How long a cancel waits for the orchestrations to stop before recording the run cancelled.
    private static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(10);

    // Seconds a follower waits, after the orchestration was terminated, for the cancel to record the run Cancelled.
    private const int TerminateRecordPolls = 30;

    /// <summary>
    /// Starts run <paramref name="start"/> of <paramref name="manifest"/>: a new run, or — when the run id is recorded with
    /// the same inputs — a restart of it; when its orchestration is active, nothing is scheduled (it is followed).
    /// </summary>
    /// <returns>What was done, for the user.</returns>
    /// <exception cref="RunStateException">The run id is recorded with other inputs (<see cref="ErrorCodes.RunExists"/>), or recorded unfinished without an orchestration on this task hub (<see cref="ErrorCodes.RunRunning"/>).</exception>
    public async Task<string> StartAsync(PipelineManifest manifest, RunStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(start);
        RunRecord? recorded = await runtime.Runner.Store.TryLoadAsync(manifest.Scope, start.RunId, cancellationToken);
        if (recorded is not null)
        {
            RunSettings settings = await runtime.Runner.Store.LoadSettingsAsync(recorded, cancellationToken);
            var requested = new RunSettings { AsOf = start.AsOf, Seed = start.Seed, Overrides = start.Overrides, Parameters = start.Parameters };
            if (recorded.ManifestHash != DatasetFingerprinter.HashManifest(Encoding.UTF8.GetBytes(manifest.Json)) || !settings.SameAs(requested))
            {
                throw new RunStateException(
                    ErrorCodes.RunExists,
                    $"run '{start.RunId}' already exists in scope '{manifest.Scope}' with other inputs (manifest, overrides, parameters, seed or as-of); choose another --run-id.");
            }

            return await RestartAsync(recorded, start.GitSha, cancellationToken);
        }

        OrchestrationMetadata? instance = await client.GetInstanceAsync(start.RunId, getInputsAndOutputs: false, cancellationToken);
        if (IsActive(instance))
        {
            return $"run {start.RunId} is already {Describe(instance!)} on task hub '{taskHub}'; following it";
        }

        if (instance is not null)
        {
            // An orchestration that ended before it recorded anything (e.g. terminated at once): start afresh.
            await client.PurgeInstanceAsync(start.RunId, new PurgeInstanceOptions { Recursive = true }, cancellationToken);
        }

        await client.ScheduleNewOrchestrationInstanceAsync(DurableNames.OrchestratorFor(manifest.Kind), start, new StartOrchestrationOptions(start.RunId), cancellationToken);
        return $"run {start.RunId} scheduled on task hub '{taskHub}' ({DurableNames.OrchestratorFor(manifest.Kind)})";
    }

    /// <summary>
    /// Restarts a recorded run on the task hub (attempt + 1: failed, skipped and cancelled nodes are redone, succeeded nodes
    /// whose inputs are unchanged are kept); when its orchestration is active, nothing is scheduled (it is followed).
    /// </summary>
    /// <returns>What was done, for the user.</returns>
    /// <exception cref="RunStateException">The run is recorded unfinished but has no active orchestration on this task hub (<see cref="ErrorCodes.RunRunning"/>).</exception>
    public async Task<string> RestartAsync(RunRecord recorded, string? gitSha, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        string runId = recorded.RunId.Value;
        OrchestrationMetadata? instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken);
        if (IsActive(instance))
        {
            return $"run {runId} is already {Describe(instance!)} on task hub '{taskHub}'; following it";
        }

        if (!recorded.Status.IsFinished())
        {
            throw new RunStateException(
                ErrorCodes.RunRunning,
                $"run '{runId}' is recorded {recorded.Status} but has no active orchestration on task hub '{taskHub}' (another engine or task hub may be running it, " +
                $"or its process was killed): cancel it first with 'quant pipeline cancel {runId}', or pass the --task-hub it runs on.");
        }

        if (instance is not null)
        {
            await client.PurgeInstanceAsync(runId, new PurgeInstanceOptions { Recursive = true }, cancellationToken);
        }

        var start = new RunStart { RunId = runId, Scope = recorded.Scope.Value, Attempt = recorded.Attempt + 1, GitSha = gitSha };
        string orchestrator = DurableNames.OrchestratorFor(recorded.Kind);
        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, start, new StartOrchestrationOptions(runId), cancellationToken);
        return $"run {runId} ({recorded.Status}, attempt {recorded.Attempt}) restarted on task hub '{taskHub}' as attempt {start.Attempt} ({orchestrator})";
    }

    /// <summary>Waits for the run's orchestration to finish and returns the recorded run.</summary>
    /// <exception cref="InvalidOperationException">The orchestration ended without a recorded <c>run.json</c> (its failure is named).</exception>
    public async Task<RunRecord> FollowAsync(string scope, string runId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata done = await client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: false, cancellationToken);
        RunRecord? run = await runtime.Runner.Store.TryLoadAsync(scope, runId, cancellationToken);
        if (done.RuntimeStatus == OrchestrationRuntimeStatus.Terminated)
        {
            // A cancel terminates the orchestration first, then records the run Cancelled: give it the time to.
            for (int wait = 0; wait < TerminateRecordPolls && run is { } recorded && !recorded.Status.IsFinished(); wait++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
                run = await runtime.Runner.Store.TryLoadAsync(scope, runId, cancellationToken);
            }
        }

        if (run is null)
        {
            throw new InvalidOperationException(
                $"run '{runId}' ended {done.RuntimeStatus} on task hub '{taskHub}' without a run.json: {done.FailureDetails?.ErrorMessage ?? "no error recorded"}");
        }

        if (done.RuntimeStatus == OrchestrationRuntimeStatus.Failed && !run.Status.IsFinished())
        {
            throw new InvalidOperationException(
                $"the orchestration of run '{runId}' failed (run.json says {run.Status}): {done.FailureDetails?.ErrorType}: {done.FailureDetails?.ErrorMessage}");
        }

        return run;
    }

    /// <summary>
    /// Cancels a run: terminates its orchestration and its sleeve sub-orchestrations when active, then records the run
    /// Cancelled with <paramref name="reason"/> (nodes not yet started are then never started). Returns the recorded run,
    /// or null when the run had not recorded anything yet.
    /// </summary>
    /// <exception cref="RunStateException">No such run on the lake or the task hub (<see cref="ErrorCodes.RunNotFound"/>), or it already finished (<see cref="ErrorCodes.RunFinished"/>).</exception>
    public async Task<RunRecord?> CancelAsync(string runId, string reason, CancellationToken cancellationToken)
    {
        RunRecord? recorded = await runtime.Runner.Store.FindAsync(runId, cancellationToken);
        OrchestrationMetadata? instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken);
        if (recorded is null && instance is null)
        {
            throw new RunStateException(ErrorCodes.RunNotFound, $"no run '{runId}' in the lake or on task hub '{taskHub}'");
        }

        if (!IsActive(instance) && (recorded is null || recorded.Status.IsFinished()))
        {
            throw new RunStateException(ErrorCodes.RunFinished, $"run '{runId}' already finished ({recorded?.Status.ToString() ?? instance!.RuntimeStatus.ToString()}); there is nothing to cancel");
        }

        // Past this point the cancel is carried through even if the user presses Ctrl+C again.
        await TerminateAsync(runId, reason);
        return await new RunSteps(runtime.Runner).TerminateAsync(runId, reason, CancellationToken.None);
    }

    private async Task TerminateAsync(string runId, string reason)
    {
        var terminate = new TerminateInstanceOptions { Output = reason, Recursive = true };
        var ids = new List<string> { runId };

        // Sleeve sub-orchestrations are '{run}:{sleeve}:{attempt}' (':' is never part of a run id).
        await foreach (OrchestrationMetadata sub in client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = runId + ":" }))
        {
            ids.Add(sub.InstanceId);
        }

        foreach (string id in ids)
        {
            OrchestrationMetadata? instance = await client.GetInstanceAsync(id, getInputsAndOutputs: false, CancellationToken.None);
            if (IsActive(instance))
            {
                await client.TerminateInstanceAsync(id, terminate, CancellationToken.None);
            }
        }

        using var wait = new CancellationTokenSource(TerminateWait, time);
        try
        {
            await client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: false, wait.Token);
        }
        catch (OperationCanceledException) when (wait.IsCancellationRequested)
        {
            // Not stopped yet (no worker is running it): recording the run Cancelled stops its nodes from starting anyway.
        }
    }

    private static bool IsActive(OrchestrationMetadata? instance) => instance is not null && instance.RuntimeStatus is
        OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended;

    private static string Describe(OrchestrationMetadata instance) => instance.RuntimeStatus.ToString().ToLowerInvariant();
}
