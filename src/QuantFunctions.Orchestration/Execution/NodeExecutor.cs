using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Telemetry;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>
/// Executes one node instance of a run and records its state: a node span, bounded retries of
/// transient errors with exponential backoff, a per-attempt timeout, metrics, <c>stage.json</c> and the
/// <c>node.succeeded</c>/<c>node.failed</c> audit events. Every runner (local, queue, CLI <c>stage run</c>)
/// uses it; coordinating the run (<c>run.json</c>, planning) is the caller's job.
/// </summary>
public sealed class NodeExecutor
{
    private readonly StageRegistry _registry;
    private readonly ILakeStore _lake;
    private readonly ILakeStore _modelLake;
    private readonly RunStateStore _store;
    private readonly OrchestrationTelemetry _telemetry;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private readonly RunnerOptions _options;

    /// <summary>Creates the executor.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">Invalid options.</exception>
    public NodeExecutor(StageRegistry registry, ILakeStore lake, RunnerOptions options, OrchestrationTelemetry telemetry, ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _registry = registry;
        _lake = lake;
        _modelLake = WriteRestrictedLakeStore.ForModelPipelines(lake);
        _store = new RunStateStore(lake);
        _telemetry = telemetry;
        _loggerFactory = loggerFactory;
        _time = timeProvider;
        _options = options;
    }

    /// <summary>
    /// Runs <paramref name="node"/> (all its attempts) under a span parented to <paramref name="parent"/>,
    /// writes its final <c>stage.json</c> and audit event, and returns its final state (Succeeded or Failed).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the node is recorded Failed (cancelled).</exception>
    public async Task<NodeState> ExecuteAsync(RunState run, PlanNode node, IAuditLedger ledger, ActivityContext parent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(ledger);
        IStage stage = CreateStage(node.StageId);
        int previousAttempts = run.Nodes.FirstOrDefault(n => n.Key == node.Key)?.Attempts ?? 0;
        var tags = new TagList { { "qf.pipeline", run.PipelineId }, { "qf.stage", node.StageId } };

        using Activity? activity = _telemetry.ActivitySource.StartActivity("node " + node.Key, ActivityKind.Internal, parent);
        activity?.SetTag("qf.run_id", run.RunId).SetTag("qf.scope", run.Scope).SetTag("qf.pipeline", run.PipelineId)
            .SetTag("qf.node", node.Key).SetTag("qf.stage", node.StageId).SetTag("qf.for_each_item", node.ForEachItem);
        string traceId = activity?.TraceId.ToHexString() ?? parent.TraceId.ToHexString();
        ILogger logger = CreateLogger(node.StageId);
        long started = _time.GetTimestamp();
        var state = new NodeState { Key = node.Key, StageId = node.StageId, Status = NodeStatus.Running, Attempts = previousAttempts, StartedAt = _time.GetUtcNow(), TraceId = traceId };
        int attempts = 0;
        try
        {
            ResiliencePipeline<StageResult> pipeline = BuildPipeline(node, logger, tags);
            StageResult result = await pipeline.ExecuteAsync(
                async ct =>
                {
                    int attempt = previousAttempts + Interlocked.Increment(ref attempts);
                    StageContext context = CreateContext(run, node, ledger, logger, traceId, attempt);
                    return await stage.ExecuteAsync(context, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            state = Succeeded(state, result, previousAttempts + attempts);
            activity?.SetTag("qf.rows_read", result.RowsRead).SetTag("qf.rows_written", result.RowsWritten).SetTag("qf.attempts", attempts);
            activity?.SetStatus(ActivityStatusCode.Ok);
            _telemetry.RowsRead.Add(result.RowsRead, tags);
            _telemetry.RowsWritten.Add(result.RowsWritten, tags);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            bool cancelled = ex is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var failure = new NodeFailure(ex.GetType().FullName ?? ex.GetType().Name, cancelled ? "cancelled" : ex.Message, TransientErrors.IsTransient(ex), ex is TimeoutRejectedException);
            state = state with { Status = NodeStatus.Failed, Attempts = previousAttempts + attempts, EndedAt = _time.GetUtcNow(), Failure = failure };
            activity?.SetTag("qf.attempts", attempts).SetTag("qf.error_type", failure.ErrorType);
            activity?.SetStatus(ActivityStatusCode.Error, failure.Message);
            logger.LogError(ex, "Node {Node} failed after {Attempts} attempt(s)", node.Key, attempts);
            if (cancelled)
            {
                await RecordAsync(run, state, ledger, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        tags.Add("qf.status", state.Status == NodeStatus.Succeeded ? "succeeded" : "failed");
        _telemetry.NodeDuration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        await RecordAsync(run, state, ledger, cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>Creates the context a stage sees for one attempt (also used to ask a stage for its current input fingerprints).</summary>
    public StageContext CreateContext(RunState run, PlanNode node, IAuditLedger ledger, ILogger logger, string traceId, int attempt)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(node);
        return new StageContext
        {
            RunId = run.RunId,
            Scope = run.Scope,
            PipelineId = run.PipelineId,
            PipelineVersion = run.Version,
            PipelineKind = run.Kind,
            NodeKey = node.Key,
            StageId = node.StageId,
            ForEachItem = node.ForEachItem,
            Parameters = node.Parameters,
            Lake = run.Kind == Manifests.PipelineKind.Model ? _modelLake : _lake,
            Ledger = ledger,
            Logger = logger,
            ActivitySource = _telemetry.ActivitySource,
            TraceId = traceId,
            AsOf = run.AsOf,
            Seed = StageSeed.Derive(run.Seed, node.Key),
            Attempt = attempt,
        };
    }

    /// <summary>Creates a new instance of a registered stage.</summary>
    /// <exception cref="KeyNotFoundException">The stage is not registered.</exception>
    public IStage CreateStage(string stageId) => _registry.Get(stageId).CreateStage();

    /// <summary>Creates the logger a stage gets.</summary>
    public ILogger CreateLogger(string stageId) => _loggerFactory.CreateLogger("QuantFunctions.Stages." + stageId);

    private NodeState Succeeded(NodeState state, StageResult result, int attempts) => state with
    {
        Status = NodeStatus.Succeeded,
        Attempts = attempts,
        EndedAt = _time.GetUtcNow(),
        RowsRead = result.RowsRead,
        RowsWritten = result.RowsWritten,
        Outputs = result.Outputs.Select(o => o.Value).ToList(),
        InputFingerprints = new SortedDictionary<string, string>(result.InputFingerprints.ToDictionary(), StringComparer.Ordinal),
        Summary = result.Summary?.ToJsonString(),
    };

    private async Task RecordAsync(RunState run, NodeState state, IAuditLedger ledger, CancellationToken cancellationToken)
    {
        await _store.SaveNodeAsync(run, state, cancellationToken).ConfigureAwait(false);
        JsonObject data = state.Status == NodeStatus.Succeeded
            ? new JsonObject
            {
                ["stage"] = state.StageId,
                ["attempts"] = state.Attempts,
                ["rows_read"] = state.RowsRead,
                ["rows_written"] = state.RowsWritten,
                ["outputs"] = AuditData.ToJson(state.Outputs),
                ["input_fingerprints"] = AuditData.ToJson(state.InputFingerprints),
            }
            : new JsonObject
            {
                ["stage"] = state.StageId,
                ["attempts"] = state.Attempts,
                ["error_type"] = state.Failure!.ErrorType,
                ["message"] = state.Failure.Message,
                ["transient"] = state.Failure.Transient,
                ["timed_out"] = state.Failure.TimedOut,
            };
        string kind = state.Status == NodeStatus.Succeeded ? "node.succeeded" : "node.failed";
        await ledger.AppendAsync(new AuditEvent(kind, state.Key, state.TraceId!, data), cancellationToken).ConfigureAwait(false);
    }

    private ResiliencePipeline<StageResult> BuildPipeline(PlanNode node, ILogger logger, TagList tags)
    {
        var builder = new ResiliencePipelineBuilder<StageResult> { TimeProvider = _time };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<StageResult>
            {
                ShouldHandle = new PredicateBuilder<StageResult>().Handle<Exception>(TransientErrors.IsTransient),
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                OnRetry = args =>
                {
                    TagList retryTags = tags;
                    retryTags.Add("qf.error_type", args.Outcome.Exception?.GetType().Name);
                    _telemetry.Retries.Add(1, retryTags);
                    logger.LogWarning(args.Outcome.Exception, "Node {Node}: transient error on attempt {Attempt}, retrying in {Delay}", node.Key, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(_options.NodeTimeout);
        return builder.Build();
    }
}
