using System.Globalization;
using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuantFunctions.Core.Errors;
using QuantFunctions.Durable;
using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Http;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Runs;

/// <summary>
/// Starts pipeline runs as Durable orchestrations (for the HTTP API and the DataOps timer): validates everything up front —
/// pipeline, as-of, run id, overrides, by building the plan — refuses a run id that exists (as an instance or a
/// <c>run.json</c>), then schedules the orchestrator for the pipeline's kind with the run id as instance id.
/// </summary>
public sealed class RunStarter
{
    /// <summary>The seed of a run started without one.</summary>
    public const int DefaultSeed = 42;

    private readonly PipelineCatalog _catalog;
    private readonly StageRegistry _registry;
    private readonly RunStore _store;
    private readonly FunctionsSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<RunStarter> _logger;

    /// <summary>Creates the starter.</summary>
    public RunStarter(PipelineCatalog catalog, StageRegistry registry, RunStore store, FunctionsSettings settings, TimeProvider time, ILogger<RunStarter> logger)
    {
        _catalog = catalog;
        _registry = registry;
        _store = store;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    /// <summary>Validates a start request (every 400 of the start API) and builds the orchestration input.</summary>
    /// <param name="pipeline">The pipeline id.</param>
    /// <param name="request">The request.</param>
    /// <param name="authority">
    /// Who asks: <see cref="OverrideAuthority.Remote"/> (the HTTP API) may set only overridable stage parameters; the app's
    /// own timers ask as <see cref="OverrideAuthority.Operator"/>, so a chain may set the pipeline parameters it is built on.
    /// </param>
    public ApiResult<PreparedRun> Prepare(string pipeline, StartRunRequest request, OverrideAuthority authority = OverrideAuthority.Remote)
    {
        ArgumentNullException.ThrowIfNull(request);
        PipelineManifest? manifest = _catalog.Find(pipeline);
        if (manifest is null)
        {
            return new ApiProblem(ErrorCodes.UnknownPipeline, $"Unknown pipeline '{pipeline}'. Known pipelines: {string.Join(", ", _catalog.Ids)}.");
        }

        DateTimeOffset asOf = request.AsOf ?? _time.GetUtcNow();
        int seed = request.Seed ?? DefaultSeed;
        IReadOnlyDictionary<string, string> parameters;
        try
        {
            parameters = ParameterValues.Canonicalize(manifest, request.Set);
        }
        catch (ManifestValidationException ex)
        {
            return new ApiProblem(ErrorCodes.BadSet, string.Join(" ", ex.Errors.Select(e => e.Message)));
        }

        string runId = request.RunId ?? RunIds.Derive(manifest.Id, asOf, seed, parameters);
        if (!RunId.TryParse(runId, out _))
        {
            return new ApiProblem(ErrorCodes.BadRunId, $"run_id '{runId}' is invalid: 1-{RunId.MaxLength} characters of lowercase [a-z0-9_-], starting with a letter or digit.");
        }

        var settings = new RunSettings { Seed = seed, AsOf = asOf, Overrides = request.Params, Parameters = parameters };
        ApiProblem? overrides = CheckOverrides(manifest, settings, authority);
        if (overrides is not null)
        {
            return overrides;
        }

        RunStart start = RunStart.NewRun(manifest, runId, settings, _settings.GitSha);
        return ApiResult<PreparedRun>.Ok(new PreparedRun(manifest, start, DurableNames.OrchestratorFor(manifest.Kind)));
    }

    /// <summary>
    /// Validates and starts a run; returns what was scheduled (the run id is <c>Start.RunId</c>), or the problem: a 400 from
    /// <see cref="Prepare"/>, or 409 <see cref="ErrorCodes.RunExists"/> when an orchestration or a <c>run.json</c> has the
    /// run id already, or another caller scheduled it concurrently (the backend's dedupe refuses the second).
    /// </summary>
    public async Task<ApiResult<PreparedRun>> StartAsync(DurableTaskClient client, string pipeline, StartRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ApiResult<PreparedRun> prepared = Prepare(pipeline, request);
        if (!prepared.IsOk)
        {
            return prepared;
        }

        PreparedRun run = prepared.Value!;
        string runId = run.Start.RunId;
        OrchestrationMetadata? existing = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return RunView.IsTerminal(existing.RuntimeStatus)
                ? new ApiProblem(ErrorCodes.RunExists,
                    $"Run '{runId}' exists and has finished ({existing.RuntimeStatus}); restart it with POST /api/runs/{runId}/restart, or choose another run_id, as_of or seed.")
                : new ApiProblem(ErrorCodes.RunExists, $"Run '{runId}' exists and is {existing.RuntimeStatus.ToString().ToLowerInvariant()}; poll GET /api/runs/{runId}.");
        }

        RunRecord? recorded = await _store.TryLoadAsync(run.Manifest.Scope, runId, cancellationToken).ConfigureAwait(false);
        if (recorded is not null)
        {
            return new ApiProblem(ErrorCodes.RunExists,
                $"Run '{runId}' is recorded in the lake ({recorded.Status}, attempt {recorded.Attempt.ToString(CultureInfo.InvariantCulture)}) without an orchestration; restart it with POST /api/runs/{runId}/restart, or choose another run_id.");
        }

        try
        {
            // Not the caller's token: once validated, the start is one call that must not be half done.
            await client.ScheduleNewOrchestrationInstanceAsync(run.Orchestrator, run.Start, UniqueInstance(runId), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsAlreadyExists(ex))
        {
            // Another caller (a second timer instance, a retried request) scheduled it between the check and here.
            return new ApiProblem(ErrorCodes.RunExists, $"Run '{runId}' was started by another request meanwhile; poll GET /api/runs/{runId}.");
        }

        _logger.LogInformation("Started run {RunId} of {Pipeline} ({Kind}, as of {AsOf:o}, seed {Seed}) on {Orchestrator}",
            runId, run.Manifest.Id, run.Manifest.Kind, run.Start.AsOf, run.Start.Seed, run.Orchestrator);
        return prepared;
    }

    /// <summary>
    /// Options that schedule instance <paramref name="instanceId"/> only when no instance has that id, in any status: the
    /// backend refuses the second of two concurrent starts (without dedupe statuses it would replace the instance, even a
    /// running one).
    /// </summary>
    public static StartOrchestrationOptions UniqueInstance(string instanceId) =>
        new StartOrchestrationOptions(instanceId).WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]);

    /// <summary>True when scheduling failed because an instance with the id exists (the client's exception, or the gRPC status).</summary>
    public static bool IsAlreadyExists(Exception exception) =>
        exception is OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists };

    // Parses the overrides and parameter values as the caller's and builds the plan with them (which checks each one against the pipeline).
    private ApiProblem? CheckOverrides(PipelineManifest manifest, RunSettings settings, OverrideAuthority authority)
    {
        try
        {
            ExecutionPlan.Create(manifest, _registry, settings.ToOverrides(authority));
            return null;
        }
        catch (FormatException ex)
        {
            return new ApiProblem(ErrorCodes.BadParams, $"params: {ex.Message}");
        }
        catch (ManifestValidationException ex)
        {
            bool fixedByManifest = ex.Errors.Count > 0 && ex.Errors.All(e => e.Code == ManifestErrorCode.NotOverridable);
            string detail = string.Join(" ", ex.Errors.Select(e => e.Node is null ? e.Message : $"node '{e.Node}': {e.Message}"));
            return new ApiProblem(fixedByManifest ? ErrorCodes.ParamNotOverridable : ErrorCodes.BadParams, $"params: {(detail.Length > 0 ? detail : ex.Message)}");
        }
    }
}
