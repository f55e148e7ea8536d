using System.Collections.Concurrent;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Host.Runs;

/// <summary>
/// Starts pipeline runs in the background on the local runner and answers for them while they run
/// (before their run.json exists) — the state of record is always the lake.
/// </summary>
public sealed class RunLauncher : IDisposable
{
    private readonly PipelineRuntime _runtime;
    private readonly PipelineCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<RunLauncher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, ActiveRun> _active = new(StringComparer.Ordinal);

    /// <summary>Creates the launcher.</summary>
    public RunLauncher(PipelineRuntime runtime, PipelineCatalog catalog, TimeProvider time, ILogger<RunLauncher> logger)
    {
        _runtime = runtime;
        _catalog = catalog;
        _time = time;
        _logger = logger;
    }

    /// <summary>The pipelines that can be started.</summary>
    public IReadOnlyCollection<string> Pipelines => _catalog.Names;

    /// <summary>Starts a run of <paramref name="pipeline"/>; returns its id at once.</summary>
    /// <exception cref="ArgumentException">Unknown pipeline, or a bad run id or parameter override.</exception>
    /// <exception cref="InvalidOperationException">A run with that id is already running.</exception>
    public string Start(string pipeline, StartRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineManifest manifest = _catalog.Find(pipeline)
            ?? throw new ArgumentException($"unknown pipeline '{pipeline}' (known: {string.Join(", ", _catalog.Names)})", nameof(pipeline));
        DateTimeOffset asOf = request.AsOf ?? _time.GetUtcNow();
        int seed = request.Seed ?? 42;
        string runId = request.RunId ?? RunIds.Derive(manifest.Id, asOf, seed);
        Lake.Paths.RunId.Parse(runId);
        Orchestration.Stages.ParameterOverrides.Parse(request.Params ?? []);
        var runRequest = new RunRequest
        {
            Manifest = manifest,
            RunId = runId,
            Settings = new RunSettings { AsOf = asOf, Seed = seed, Overrides = request.Params ?? [] },
        };
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var active = new ActiveRun(manifest.Id, _time.GetUtcNow(), cancellation);
        if (!_active.TryAdd(runId, active))
        {
            cancellation.Dispose();
            throw new InvalidOperationException($"run '{runId}' is already running");
        }

        active.Task = Task.Run(() => ExecuteAsync(runId, runRequest, cancellation), CancellationToken.None);
        return runId;
    }

    /// <summary>The run's record from the lake, and whether it is still executing here.</summary>
    public async Task<(RunRecord? Record, ActiveRun? Active)> FindAsync(string runId, CancellationToken cancellationToken)
    {
        _active.TryGetValue(runId, out ActiveRun? active);
        RunRecord? record = Lake.Paths.RunId.TryParse(runId, out _) ? await _runtime.Runner.Store.FindAsync(runId, cancellationToken) : null;
        return (record, active);
    }

    /// <summary>Cancels a run executing here; false when it is not running.</summary>
    public bool Terminate(string runId)
    {
        if (!_active.TryGetValue(runId, out ActiveRun? active))
        {
            return false;
        }

        active.Terminated = true;
        active.Cancellation.Cancel();
        return true;
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

    private async Task ExecuteAsync(string runId, RunRequest request, CancellationTokenSource cancellation)
    {
        try
        {
            RunRecord record = await _runtime.Runner.RunAsync(request, cancellation.Token);
            _logger.LogInformation("Run {RunId} of {Pipeline} finished: {Status}", runId, request.Manifest.Id, record.Status);
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
            _logger.LogError(ex, "Run {RunId} of {Pipeline} could not run", runId, request.Manifest.Id);
            _active[runId].StartError = ex.Message;
            return;
        }
        finally
        {
            cancellation.Dispose();
        }

        _active.TryRemove(runId, out _);
    }
}
