using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
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
    private readonly RunStore _store;
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
        _store = new RunStore(lake);
        _telemetry = telemetry;
        _loggerFactory = loggerFactory;
        _time = timeProvider;
        _options = options;
    }

    /// <summary>
    /// Runs <paramref name="node"/> (all its attempts) under a span parented to <paramref name="parent"/>,
    /// writes its final <c>stage.json</c> and audit event, and returns the record (Succeeded, Failed or Cancelled).
    /// </summary>
    /// <param name="run">The run record (identity and kind).</param>
    /// <param name="settings">The run's seed, as-of and overrides.</param>
    /// <param name="node">The node instance.</param>
    /// <param name="previousAttempts">Attempts recorded by earlier executions of this node in the run.</param>
    /// <param name="ledger">The run's audit ledger.</param>
    /// <param name="parent">The run span.</param>
    /// <param name="cancellationToken">Cancels the node; it is then recorded Cancelled and the exception rethrown.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<StageRecord> ExecuteAsync(RunRecord run, RunSettings settings, PlanNode node, int previousAttempts, IAuditLedger ledger, ActivityContext parent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(ledger);
        IStage stage = CreateStage(node.StageId);
        var tags = new TagList { { "qf.pipeline", run.PipelineId.Value }, { "qf.stage", node.StageId } };

        using Activity? activity = _telemetry.ActivitySource.StartActivity("node " + node.Key, ActivityKind.Internal, parent);
        activity?.SetTag("qf.run_id", run.RunId.Value).SetTag("qf.scope", run.Scope.Value).SetTag("qf.pipeline", run.PipelineId.Value)
            .SetTag("qf.node", node.Key).SetTag("qf.stage", node.StageId).SetTag("qf.for_each_item", node.ForEachItem);
        string traceId = activity?.TraceId.ToHexString() ?? parent.TraceId.ToHexString();
        ILogger logger = CreateLogger(node.StageId);
        long started = _time.GetTimestamp();
        StageRecord record = NodeRecords.Create(run, node, NodeStatus.Running, previousAttempts) with { StartedAt = _time.GetUtcNow() };
        int attempts = 0;
        StageResult? result = null;
        bool cancelled = false;
        try
        {
            ResiliencePipeline<StageResult> pipeline = BuildPipeline(node, logger, tags);
            result = await pipeline.ExecuteAsync(
                async ct =>
                {
                    int attempt = previousAttempts + Interlocked.Increment(ref attempts);
                    StageContext context = CreateContext(run, settings, node, ledger, logger, traceId, attempt);
                    return await stage.ExecuteAsync(context, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);

            record = record with
            {
                Status = NodeStatus.Succeeded,
                Inputs = result.Inputs,
                Outputs = result.Outputs,
                RiskProfile = result.RiskProfile,
                InputFingerprint = Hashes.NodeInputFingerprint(result.Inputs, record.ParamsHash!),
            };
            activity?.SetTag("qf.rows_read", result.RowsRead).SetTag("qf.rows_written", result.RowsWritten);
            activity?.SetStatus(ActivityStatusCode.Ok);
            _telemetry.RowsRead.Add(result.RowsRead, tags);
            _telemetry.RowsWritten.Add(result.RowsWritten, tags);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            cancelled = ex is OperationCanceledException && cancellationToken.IsCancellationRequested;
            string? code = cancelled ? NodeErrorCodes.Cancelled
                : ex is TimeoutRejectedException ? NodeErrorCodes.Timeout
                : TransientErrors.IsTransient(ex) ? NodeErrorCodes.RetriesExhausted
                : ErrorCodes.Of(ex)?.Value;
            record = record with
            {
                Status = cancelled ? NodeStatus.Cancelled : NodeStatus.Failed,
                Error = new NodeError(ex.GetType().FullName ?? ex.GetType().Name, cancelled ? "cancelled" : ex.Message, code),
            };
            activity?.SetTag("qf.error_type", record.Error.Type);
            activity?.SetStatus(ActivityStatusCode.Error, record.Error.Message);
            logger.LogError(ex, "Node {Node} failed after {Attempts} attempt(s)", node.Key, attempts);
        }

        record = record with { Attempts = previousAttempts + attempts, CompletedAt = _time.GetUtcNow() };
        activity?.SetTag("qf.attempts", attempts);
        tags.Add("qf.status", record.Status.ToString().ToLowerInvariant());
        _telemetry.NodeDuration.Record(_time.GetElapsedTime(started).TotalSeconds, tags);
        CancellationToken recordToken = cancelled ? CancellationToken.None : cancellationToken;
        // The audit event first, then the node's terminal stage.json: a process killed in between leaves the node Running,
        // so the retry or resume runs it again (its outputs are create-only, its keyed events not repeated), and never a
        // node recorded done whose event is missing from the ledger.
        await AuditAsync(record, result, traceId, ledger, recordToken).ConfigureAwait(false);
        await _store.Records.WriteStageAsync(record, cancellationToken: recordToken).ConfigureAwait(false);
        if (cancelled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return record;
    }

    /// <summary>Creates the context a stage sees for one attempt (also used to ask a stage for its current input fingerprints).</summary>
    public StageContext CreateContext(RunRecord run, RunSettings settings, PlanNode node, IAuditLedger ledger, ILogger logger, string traceId, int attempt)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(node);
        return new StageContext
        {
            RunId = run.RunId,
            Scope = run.Scope,
            PipelineId = run.PipelineId,
            PipelineVersion = run.PipelineVersion,
            PipelineKind = run.Kind,
            NodeKey = NodeKey.Parse(node.Key),
            StageId = node.StageId,
            ForEachItem = node.ForEachItem,
            Dependencies = node.DependsOn,
            PipelineParameters = node.PipelineParameters,
            Parameters = node.Parameters,
            Lake = run.Kind == PipelineKind.Model ? _modelLake : _lake,
            Ledger = ledger,
            Logger = logger,
            ActivitySource = _telemetry.ActivitySource,
            TraceId = traceId,
            AsOf = settings.AsOf,
            Seed = StageSeed.Derive(settings.Seed, node.Key),
            Attempt = attempt,
        };
    }

    /// <summary>Creates a new instance of a registered stage.</summary>
    /// <exception cref="KeyNotFoundException">The stage is not registered.</exception>
    public IStage CreateStage(string stageId) => _registry.Get(stageId).CreateStage();

    /// <summary>Creates the logger a stage gets.</summary>
    public ILogger CreateLogger(string stageId) => _loggerFactory.CreateLogger("QuantFunctions.Stages." + stageId);

    private static Task<AuditEntry> AuditAsync(StageRecord record, StageResult? result, string traceId, IAuditLedger ledger, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["stage"] = record.StageId, ["attempts"] = record.Attempts };
        if (record.Status == NodeStatus.Succeeded)
        {
            data["rows_read"] = result!.RowsRead;
            data["rows_written"] = result.RowsWritten;
            data["input_fingerprint"] = record.InputFingerprint;
            data["inputs"] = AuditData.ToJson(record.Inputs.ToDictionary(i => i.Name, i => i.Fingerprint.Hash, StringComparer.Ordinal));
            data["outputs"] = AuditData.ToJson(record.Outputs.ToDictionary(o => o.Name, o => o.Path.Value, StringComparer.Ordinal));
            if (result.Summary is not null)
            {
                data["summary"] = result.Summary.DeepClone();
            }
        }
        else
        {
            data["error_type"] = record.Error!.Type;
            data["message"] = record.Error.Message;
            data["code"] = record.Error.Code;
        }

        string kind = record.Status switch
        {
            NodeStatus.Succeeded => "node.succeeded",
            NodeStatus.Cancelled => "node.cancelled",
            _ => "node.failed",
        };
        return ledger.AppendAsync(new AuditEvent(kind, record.Node.Value, traceId, data), cancellationToken);
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
