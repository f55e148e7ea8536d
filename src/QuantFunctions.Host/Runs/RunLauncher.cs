using System.Collections.Concurrent;
using QuantFunctions.Host.Durable;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Host.Runs;

/// <summary>
/// Starts, terminates and resumes pipeline runs on the runner QF_RUNNER names. <c>local</c>: a run executes in the
/// background of this process, and the launcher answers for it while it runs (before its run.json exists).
/// <c>queue</c>: a start records the run and enqueues its ready nodes through the <see cref="QueueRunner"/> before it
/// returns (the <c>ExecuteNode</c> workers, on any instance, run them) and nothing executes here. The state of record
/// is always the lake.
/// </summary>
public sealed class RunLauncher : IDisposable
{
    /// <summary>The reason recorded when terminate is called without <c>?reason=</c>.</summary>
    public const string DefaultTerminateReason = "terminated over the HTTP API";

    private readonly PipelineRuntime _runtime;
    private readonly PipelineCatalog _catalog;
    private readonly QueueRunner? _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<RunLauncher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);

    /// <summary>Creates the launcher.</summary>
    /// <param name="runtime">The pipeline runtime (its local runner and run store).</param>
    /// <param name="catalog">The pipelines that can be started.</param>
    /// <param name="queue">The queue runner when QF_RUNNER is <c>queue</c>; null runs in process.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">Logging.</param>
    public RunLauncher(PipelineRuntime runtime, PipelineCatalog catalog, QueueRunner? queue, TimeProvider time, ILogger<RunLauncher> logger)
    {
        _runtime = runtime;
        _catalog = catalog;
        _queue = queue;
        _time = time;
        _logger = logger;
    }

    /// <summary>The pipelines that can be started.</summary>
    public IReadOnlyCollection<string> Pipelines => _catalog.Names;

    /// <summary>
    /// Starts a run of <paramref name="pipeline"/> and returns its id: at once on the local runner (the run executes in
    /// the background), once recorded and enqueued on the queue runner. A failure of the runner to start (e.g. storage
    /// down) is not thrown: the run's status reports it (<see cref="ActiveRun.StartError"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown pipeline, or a bad run id or parameter override.</exception>
    /// <exception cref="InvalidOperationException">A run with that id is executing here, or (queue) exists with other inputs.</exception>
    public async Task<string> StartAsync(string pipeline, StartRunRequest request, CancellationToken cancellationToken = default)
    {
        RunRequest run = Prepare(pipeline, request);
        if (_queue is null)
        {
            return TryLaunch(run.RunId, run.Manifest.Id, ct => _runtime.Runner.RunAsync(run, ct))
                ? run.RunId
                : throw new InvalidOperationException($"run '{run.RunId}' is already running");
        }

        DateTimeOffset accepted = _time.GetUtcNow();
        try
        {
            RunRecord record = await _queue.StartAsync(run, cancellationToken);
            _active.TryRemove(run.RunId, out _); // an earlier failed start of this id is superseded
            _logger.LogInformation("Run {RunId} of {Pipeline} recorded and enqueued on {Queue}: {Status}", run.RunId, run.Manifest.Id, _queue.Queue.Name, record.Status);
        }
        catch (Exception ex) when (ex is not (InvalidOperationException or OperationCanceledException or OutOfMemoryException))
        {
            // Reported through the run's status, as a local start that fails in the background is.
            _logger.LogError(ex, "Run {RunId} of {Pipeline} could not be started on the queue", run.RunId, run.Manifest.Id);
            _active[run.RunId] = new ActiveRun(run.Manifest.Id, accepted, null) { StartError = ex.Message, Task = Task.CompletedTask };
        }

        return run.RunId;
    }

    /// <summary>The run's record from the lake, and its in-process state (executing here, or a failed start).</summary>
    public async Task<(RunRecord? Record, ActiveRun? Active)> FindAsync(string runId, CancellationToken cancellationToken = default)
    {
        _active.TryGetValue(runId, out ActiveRun? active);
        RunRecord? record = Lake.Paths.RunId.TryParse(runId, out _) ? await _runtime.Runner.Store.FindAsync(runId, cancellationToken) : null;
        return (record, active);
    }

    /// <summary>
    /// Terminates a run: one executing in this process is cancelled (local runner; <paramref name="reason"/> is logged);
    /// on the queue runner a recorded, unfinished run is recorded Cancelled with <paramref name="reason"/> and the
    /// workers drop its messages.
    /// </summary>
    /// <returns>Accepted; NotFound; Finished (nothing left to terminate); Conflict (local runner: recorded as running
    /// but not executing in this process).</returns>
    public async Task<RunControlResult> TerminateAsync(string runId, string? reason, CancellationToken cancellationToken = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? DefaultTerminateReason : reason;
        (RunRecord? record, ActiveRun? active) = await FindAsync(runId, cancellationToken);
        if (active is { IsExecuting: true } && TryCancel(active))
        {
            _logger.LogWarning("Run {RunId} is being terminated: {Reason}", runId, reason);
            return new(RunControlOutcome.Accepted, $"run '{runId}' is being terminated");
        }

        if (record is null)
        {
            return active is null
                ? new(RunControlOutcome.NotFound, $"no run '{runId}'")
                : new(RunControlOutcome.Finished, $"run '{runId}' never started: {active.StartError}");
        }

        if (record.Status.IsFinished())
        {
            return Finished(runId, record);
        }

        if (_queue is null)
        {
            return new(RunControlOutcome.Conflict, $"run '{runId}' is recorded {record.Status} but is not executing in this Host (interrupted, or running in another process); resume it to finish it");
        }

        RunRecord cancelled = await _queue.CancelAsync(record.Scope.Value, runId, reason, cancellationToken);
        return cancelled.Status == RunStatus.Cancelled
            ? new(RunControlOutcome.Accepted, $"run '{runId}' cancelled: {reason}")
            : Finished(runId, cancelled); // it finished between the read and the cancel
    }

    /// <summary>
    /// Resumes a Failed, Cancelled or interrupted (recorded Pending/Running, not executing here) run from its recorded
    /// state: in the background on the local runner, or as attempt + 1 with its ready nodes enqueued on the queue runner.
    /// </summary>
    /// <returns>Accepted; NotFound (no run.json); Conflict (executing in this process, or already Succeeded).</returns>
    public async Task<RunControlResult> ResumeAsync(string runId, CancellationToken cancellationToken = default)
    {
        (RunRecord? record, ActiveRun? active) = await FindAsync(runId, cancellationToken);
        if (active is { IsExecuting: true })
        {
            return new(RunControlOutcome.Conflict, $"run '{runId}' is executing in this Host; wait for it or terminate it first");
        }

        if (record is null)
        {
            return new(RunControlOutcome.NotFound, active is null ? $"no run '{runId}'" : $"run '{runId}' was never recorded (its start failed: {active.StartError}); start it again");
        }

        if (record.Status == RunStatus.Succeeded)
        {
            return new(RunControlOutcome.Conflict, $"run '{runId}' already completed; start a new run id to compute again");
        }

        string scope = record.Scope.Value;
        if (_queue is null)
        {
            return TryLaunch(runId, record.PipelineId.Value, ct => _runtime.Runner.ResumeAsync(scope, runId, ct))
                ? new(RunControlOutcome.Accepted, $"run '{runId}' is resuming in this Host")
                : new(RunControlOutcome.Conflict, $"run '{runId}' is executing in this Host");
        }

        RunRecord resumed = await _queue.ResumeAsync(scope, runId, cancellationToken);
        _active.TryRemove(runId, out _); // an earlier failed start no longer describes the run
        _logger.LogInformation("Run {RunId} resumed on {Queue} (attempt {Attempt})", runId, _queue.Queue.Name, resumed.Attempt);
        return new(RunControlOutcome.Accepted, $"run '{runId}' resumed on the queue (attempt {resumed.Attempt})");
    }

    /// <summary>Waits for every run executing here (tests and shutdown).</summary>
    public Task WhenIdleAsync()
    {
        var tasks = new List<Task>();
        foreach (ActiveRun run in _active.Values)
        {
            if (run.Task is not null)
            {
                tasks.Add(run.Task);
            }
        }

        return Task.WhenAll(tasks);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    // False when the execution ended (and released its token source) meanwhile.
    private static bool TryCancel(ActiveRun active)
    {
        try
        {
            active.Cancellation?.Cancel();
            active.Terminated = true;
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private static RunControlResult Finished(string runId, RunRecord record) =>
        new(RunControlOutcome.Finished, $"run '{runId}' already finished ({RunStatusMapper.RuntimeStatus(record.Status)})");

    // Validates a start request (400s) and builds the runner's request.
    private RunRequest Prepare(string pipeline, StartRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineManifest manifest = _catalog.Find(pipeline)
            ?? throw new ArgumentException($"unknown pipeline '{pipeline}' (known: {string.Join(", ", _catalog.Names)})", nameof(pipeline));
        DateTimeOffset asOf = request.AsOf ?? _time.GetUtcNow();
        int seed = request.Seed ?? 42;
        string runId = request.RunId ?? RunIds.Derive(manifest.Id, asOf, seed);
        Lake.Paths.RunId.Parse(runId);
        Orchestration.Stages.ParameterOverrides.Parse(request.Params ?? []);
        return new RunRequest
        {
            Manifest = manifest,
            RunId = runId,
            Settings = new RunSettings { AsOf = asOf, Seed = seed, Overrides = request.Params ?? [] },
        };
    }

    // Registers the run as executing here (replacing a finished entry, e.g. a failed start) and runs it in the background.
    private bool TryLaunch(string runId, string pipeline, Func<CancellationToken, Task<RunRecord>> execute)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var active = new ActiveRun(pipeline, _time.GetUtcNow(), cancellation);
        while (!_active.TryAdd(runId, active))
        {
            if (!_active.TryGetValue(runId, out ActiveRun? existing))
            {
                continue; // removed meanwhile: add again
            }

            if (existing.IsExecuting)
            {
                cancellation.Dispose();
                return false;
            }

            if (_active.TryUpdate(runId, active, existing))
            {
                break;
            }
        }

        active.Task = Task.Run(() => ExecuteAsync(runId, active, execute), CancellationToken.None);
        return true;
    }

    private async Task ExecuteAsync(string runId, ActiveRun active, Func<CancellationToken, Task<RunRecord>> execute)
    {
        CancellationTokenSource cancellation = active.Cancellation!;
        try
        {
            RunRecord record = await execute(cancellation.Token);
            _logger.LogInformation("Run {RunId} of {Pipeline} finished: {Status}", runId, active.Pipeline, record.Status);
            if (await DataHandoffStore.IsPublishedByAsync(_runtime.Lake, record, cancellation.Token))
            {
                _logger.LogInformation("Run {RunId} published the hand-off of {Pipeline}", runId, record.PipelineId);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _logger.LogWarning("Run {RunId} was terminated", runId);
        }
#pragma warning disable CA1031 // The background boundary: a run's failure is recorded and logged, never crashes the Host.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "Run {RunId} of {Pipeline} could not run", runId, active.Pipeline);
            active.StartError = ex.Message;
            return; // kept, so the status reports the error
        }
        finally
        {
            cancellation.Dispose();
        }

        _active.TryRemove(new KeyValuePair<string, ActiveRun>(runId, active));
    }
}
