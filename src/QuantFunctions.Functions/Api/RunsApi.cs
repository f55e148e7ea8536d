using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using QuantFunctions.Core.Errors;
using QuantFunctions.Durable;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Runs;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Api;

/// <summary>
/// A run's status, terminate and restart: <c>GET /api/runs/{id}</c>, <c>POST /api/runs/{id}/terminate?reason=</c>,
/// <c>POST /api/runs/{id}/restart</c>. The run id is the orchestration instance id; the lake's <c>run.json</c> is the record.
/// </summary>
public sealed class RunsApi
{
    /// <summary>Seconds a client should wait before polling a running run.</summary>
    public const int RetryAfterSeconds = 5;

    // How long a terminate waits for the orchestration to stop before recording the run cancelled.
    private static readonly TimeSpan TerminateWait = TimeSpan.FromSeconds(5);

    private readonly RunLocator _locator;
    private readonly RunSteps _steps;
    private readonly FunctionsSettings _settings;
    private readonly ILogger<RunsApi> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the functions.</summary>
    public RunsApi(RunLocator locator, RunSteps steps, FunctionsSettings settings, ILogger<RunsApi> logger, TimeProvider time)
    {
        _locator = locator;
        _steps = steps;
        _settings = settings;
        _logger = logger;
        _time = time;
    }

    /// <summary>
    /// The run's lake view (<c>run.json</c>: status, nodes, error) merged with the orchestration's runtime and custom status:
    /// 202 with <c>Location</c> and <c>Retry-After</c> while it runs, 200 once finished, 404 when unknown.
    /// </summary>
    [Function(FunctionNames.GetRun)]
    public async Task<IActionResult> GetRun(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Run)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ApiResult<RunView> found = await _locator.FindAsync(client, id, request.HttpContext.RequestAborted);
        if (!found.IsOk)
        {
            return found.Problem.ToResult();
        }

        RunStatusResponse status = RunStatusMapper.Map(found.Value!);
        return found.Value!.IsFinished ? new OkObjectResult(status) : new PollResult(Routes.RunStatusUri(request, id), RetryAfterSeconds, status);
    }

    /// <summary>
    /// Terminates the run's orchestration (recursively: its sleeve sub-orchestrations stop too) and records the run
    /// Cancelled with the reason: 202; 400 for a reason over <see cref="TerminateReason.MaxLength"/> characters, another query
    /// parameter or a body (<see cref="RequestShape"/>); 404 unknown; 410 when it already finished.
    /// </summary>
    [Function(FunctionNames.TerminateRun)]
    public async Task<IActionResult> TerminateRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.TerminateRun)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        const string Endpoint = "POST /api/runs/{id}/terminate";
        ApiProblem? shape = RequestShape.CheckQuery(request, Endpoint, "reason")
            ?? await RequestShape.CheckNoBodyAsync(request, Endpoint, "the reason goes in the query: ?reason=", _settings.MaxRequestBytes, request.HttpContext.RequestAborted);
        if (shape is not null)
        {
            return shape.ToResult();
        }

        ApiResult<string> reason = TerminateReason.Clean(request.Query["reason"].FirstOrDefault());
        if (!reason.IsOk)
        {
            return reason.Problem.ToResult();
        }

        ApiResult<RunView> found = await _locator.FindAsync(client, id, request.HttpContext.RequestAborted);
        if (!found.IsOk)
        {
            return found.Problem.ToResult();
        }

        RunView run = found.Value!;
        if (run.IsFinished)
        {
            string state = run.Instance?.RuntimeStatus.ToString() ?? run.Record!.Status.ToString();
            return new ApiProblem(ErrorCodes.RunFinished, $"Run '{id}' already finished ({state}); there is nothing to terminate.").ToResult();
        }

        // Past validation, a client that goes away must not leave the instance stopped but the run recorded running.
        if (run.Instance is not null)
        {
            await client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = reason.Value, Recursive = true }, CancellationToken.None);
            await WaitStoppedAsync(client, id, _time);
        }

        RunRecord? recorded = await _steps.TerminateAsync(id, reason.Value!, CancellationToken.None);
        _logger.LogWarning("Run {RunId} terminated: {Reason} (recorded {Status})", id, reason.Value, recorded?.Status.ToString() ?? "nothing yet");
        string statusUri = Routes.RunStatusUri(request, id);
        return new PollResult(statusUri, RetryAfterSeconds, new RunControlAccepted(id, "terminate", reason.Value, statusUri));
    }

    /// <summary>
    /// Restarts a Failed or Cancelled (terminated) run: the same instance id is scheduled again — after its finished
    /// instance is purged — with the recorded attempt + 1, and goes on from the recorded state (succeeded nodes whose inputs
    /// are unchanged are kept). 202 with the check-status payload; 400 for a query parameter or a body (it takes none); 404 unknown;
    /// 409 while running or once succeeded.
    /// </summary>
    [Function(FunctionNames.RestartRun)]
    public async Task<IActionResult> RestartRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.RestartRun)] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        const string Endpoint = "POST /api/runs/{id}/restart";
        ApiProblem? shape = RequestShape.CheckQuery(request, Endpoint)
            ?? await RequestShape.CheckNoBodyAsync(request, Endpoint, "a restart reuses the run's recorded as-of, seed and params", _settings.MaxRequestBytes, request.HttpContext.RequestAborted);
        if (shape is not null)
        {
            return shape.ToResult();
        }

        ApiResult<RunView> found = await _locator.FindAsync(client, id, request.HttpContext.RequestAborted);
        if (!found.IsOk)
        {
            return found.Problem.ToResult();
        }

        RunView run = found.Value!;
        ApiProblem? refused = RestartRefusal(run);
        if (refused is not null)
        {
            return refused.ToResult();
        }

        RunRecord record = run.Record!;
        if (run.Instance is not null)
        {
            await client.PurgeInstanceAsync(id, new PurgeInstanceOptions { Recursive = true }, CancellationToken.None);
        }

        var start = new RunStart { RunId = id, Scope = record.Scope.Value, Attempt = record.Attempt + 1, GitSha = _settings.GitSha };
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(DurableNames.OrchestratorFor(record.Kind), start, RunStarter.UniqueInstance(id), CancellationToken.None);
        }
        catch (Exception ex) when (RunStarter.IsAlreadyExists(ex))
        {
            return new ApiProblem(ErrorCodes.RunRunning, $"Run '{id}' was restarted by another request meanwhile; poll GET /api/runs/{id}.").ToResult();
        }

        _logger.LogInformation("Run {RunId} restarted (attempt {Attempt}) on {Orchestrator}", id, start.Attempt, DurableNames.OrchestratorFor(record.Kind));
        return CheckStatusResponses.Create(client, request, executionContext, id);
    }

    private static ApiProblem? RestartRefusal(RunView run)
    {
        if (run.IsInstanceActive)
        {
            return new ApiProblem(ErrorCodes.RunRunning, $"Run '{run.RunId}' is {run.Instance!.RuntimeStatus.ToString().ToLowerInvariant()}; wait for it, or terminate it first.");
        }

        if (run.Record is not { } record)
        {
            return new ApiProblem(ErrorCodes.RunNotRecorded,
                $"Run '{run.RunId}' ended ({run.Instance!.RuntimeStatus}) before its run.json was written; there is nothing to restart from: start it again.");
        }

        if (record.Status == RunStatus.Succeeded)
        {
            return new ApiProblem(ErrorCodes.RunSucceeded, $"Run '{run.RunId}' already succeeded; start a new run id to compute again.");
        }

        if (run.Instance is null && !record.Status.IsFinished())
        {
            return new ApiProblem(ErrorCodes.RunRunning,
                $"Run '{run.RunId}' is recorded {record.Status} but has no orchestration here (another engine may be running it); terminate it first.");
        }

        return null;
    }

    // Best effort: the instance usually stops at once; a slow stop only delays nothing but this answer.
    private static async Task WaitStoppedAsync(DurableTaskClient client, string id, TimeProvider time)
    {
        using var timeout = new CancellationTokenSource(TerminateWait, time);
        try
        {
            await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // Still stopping: the steps refuse to start nodes of a run recorded cancelled.
        }
    }
}
