using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// Everything a stage may use while it runs: the run's typed identity (run id, scope, pipeline and version, node key) and
/// its lake paths (<see cref="Paths"/>), its typed parameters, the lake, the audit ledger, logging and tracing, and the
/// run's only sources of time and randomness.
/// </summary>
/// <remarks>
/// A runner creates one context per attempt, so a retried attempt sees the same <see cref="Random"/>
/// sequence as the first one.
/// </remarks>
public sealed class StageContext
{
    private readonly Lazy<Random> _random;
    private RunPaths? _paths;

    /// <summary>Creates a context; <see cref="Random"/> is seeded with <see cref="Seed"/>.</summary>
    public StageContext() => _random = new Lazy<Random>(() => new Random(Seed), LazyThreadSafetyMode.None);

    /// <summary>The run id.</summary>
    public required RunId RunId { get; init; }

    /// <summary>The pipeline's scope (the owner of its <c>_meta/{scope}</c> records).</summary>
    public required LakeIdentifier Scope { get; init; }

    /// <summary>The pipeline id.</summary>
    public required LakeIdentifier PipelineId { get; init; }

    /// <summary>The pipeline version: the <c>version={v}</c> of every path the stage writes.</summary>
    public required SemVer PipelineVersion { get; init; }

    /// <summary>Data or model pipeline.</summary>
    public required PipelineKind PipelineKind { get; init; }

    /// <summary>The node instance key (e.g. <c>alpha.allocate[crypto_long]</c>).</summary>
    public required NodeKey NodeKey { get; init; }

    /// <summary>The lake paths of this run (<see cref="LakePathResolver"/> with the run's scope, pipeline, version and run id).</summary>
    public RunPaths Paths => _paths ??= new RunPaths(Scope, PipelineId, PipelineVersion, RunId);

    /// <summary>The registered stage id.</summary>
    public required string StageId { get; init; }

    /// <summary>The <c>for_each</c> item of this instance, or null for a node that does not fan out.</summary>
    public string? ForEachItem { get; init; }

    /// <summary>The keys of the node instances this node depends on (e.g. every sleeve of a fan-in).</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>The pipeline parameters after overrides.</summary>
    public IReadOnlyDictionary<string, JsonElement> PipelineParameters { get; init; } = new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>The validated parameter record (see <see cref="GetParameters{T}"/>).</summary>
    public required object Parameters { get; init; }

    /// <summary>The lake; for model pipelines a view that refuses writes outside gold, models and <c>_meta</c>.</summary>
    public required ILakeStore Lake { get; init; }

    /// <summary>The run's audit ledger.</summary>
    public required IAuditLedger Ledger { get; init; }

    /// <summary>The stage's logger.</summary>
    public required ILogger Logger { get; init; }

    /// <summary>The tracer for child spans of the node span.</summary>
    public required ActivitySource ActivitySource { get; init; }

    /// <summary>The W3C trace id of the node span (32 hex characters), written with audit events.</summary>
    public required string TraceId { get; init; }

    /// <summary>The run's as-of time: the only source of "now" for a stage.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The seed of <see cref="Random"/>, derived from the run seed and the node key.</summary>
    public required int Seed { get; init; }

    /// <summary>The 1-based attempt number.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The only source of randomness for a stage, seeded with <see cref="Seed"/>.</summary>
    public Random Random => _random.Value;

    /// <summary>The parameter record as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The parameters are of another type.</exception>
    public T GetParameters<T>()
        where T : class =>
        Parameters as T ?? throw new InvalidOperationException(
            $"Stage '{StageId}' (node '{NodeKey}') has parameters of type {Parameters.GetType().Name}, not {typeof(T).Name}.");

    /// <summary>Appends a decision of this node to the audit ledger, with the node's trace id.</summary>
    public Task<AuditEntry> AuditAsync(string kind, JsonObject data, CancellationToken cancellationToken = default) =>
        Ledger.AppendAsync(new AuditEvent(kind, NodeKey.Value, TraceId, data), cancellationToken);
}
