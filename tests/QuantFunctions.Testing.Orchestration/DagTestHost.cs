using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Telemetry;

namespace QuantFunctions.Testing.Orchestration;

/// <summary>
/// An in-process host for running real graphs with real or fake stages in tests: an in-memory lake
/// (or the one given), the <see cref="LocalRunner"/> with fast retries, and helpers to read back the
/// run's records, ledger and forensic trace.
/// </summary>
public sealed class DagTestHost : IDisposable
{
    /// <summary>The as-of time runs get unless told otherwise: 2024-12-31T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultAsOf = new(2024, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates the host.</summary>
    /// <param name="registry">The stages.</param>
    /// <param name="options">Runner options; default: 2 parallel nodes, 2 retries after 1 ms, 10 s timeout.</param>
    /// <param name="lake">The lake; default a new <see cref="InMemoryLakeStore"/>.</param>
    /// <param name="loggerFactory">Logging; default none.</param>
    /// <param name="timeProvider">The runner's clock (run metadata, retry backoff, node timeouts); default <see cref="TimeProvider.System"/>.</param>
    public DagTestHost(StageRegistry registry, RunnerOptions? options = null, ILakeStore? lake = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        Lake = lake ?? new InMemoryLakeStore();
        Telemetry = new OrchestrationTelemetry();
        Options = options ?? new RunnerOptions { MaxParallelism = 2, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1), NodeTimeout = TimeSpan.FromSeconds(10) };
        Runner = new LocalRunner(registry, Lake, Options, Telemetry, loggerFactory ?? NullLoggerFactory.Instance, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The stages.</summary>
    public StageRegistry Registry { get; }

    /// <summary>The lake.</summary>
    public ILakeStore Lake { get; }

    /// <summary>The telemetry instruments (listen to its meter in tests).</summary>
    public OrchestrationTelemetry Telemetry { get; }

    /// <summary>The runner options.</summary>
    public RunnerOptions Options { get; }

    /// <summary>The runner.</summary>
    public LocalRunner Runner { get; }

    /// <summary>Parses and validates a manifest.</summary>
    public PipelineManifest LoadManifest(string json, string source = "test/manifest.json") => new ManifestLoader(Registry).Parse(json, source);

    /// <summary>Runs a manifest given as JSON.</summary>
    public Task<RunRecord> RunAsync(string manifestJson, string runId = "run-1", IReadOnlyList<string>? overrides = null, int seed = 42, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(
            new RunRequest { Manifest = LoadManifest(manifestJson), RunId = runId, Settings = new RunSettings { Overrides = overrides ?? [], Seed = seed, AsOf = asOf ?? DefaultAsOf } },
            cancellationToken);

    /// <summary>Resumes a run.</summary>
    public Task<RunRecord> ResumeAsync(string runId, CancellationToken cancellationToken = default) => Runner.ResumeAsync(runId, cancellationToken);

    /// <summary>Reads the run's audit ledger.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadLedgerAsync(string scope, string runId, CancellationToken cancellationToken = default)
    {
        using var ledger = AuditLedger.ForRun(Lake, LakeIdentifier.Parse(scope), RunId.Parse(runId));
        return await ledger.ReadAllAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the run's forensic trace.</summary>
    public Task<ForensicTrace?> ReadForensicTraceAsync(string scope, string runId, CancellationToken cancellationToken = default) =>
        Runner.Store.TryLoadForensicTraceAsync(scope, runId, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => Telemetry.Dispose();
}
