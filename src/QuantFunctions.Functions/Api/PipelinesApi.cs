using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using QuantFunctions.Core.Errors;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Runs;

namespace QuantFunctions.Functions.Api;

/// <summary><c>POST /api/orchestrators/{pipeline}</c>: starts a run of a catalog pipeline as a Durable orchestration.</summary>
/// <param name="starter">Validates and schedules runs.</param>
/// <param name="settings">The request size limit.</param>
public sealed class PipelinesApi(RunStarter starter, FunctionsSettings settings)
{
    /// <summary>
    /// Starts a run. Body (optional, strict JSON, at most <c>QF_MAX_REQUEST_BYTES</c>): <c>as_of</c>, <c>seed</c>,
    /// <c>run_id</c>, <c>params</c>. 202 with Durable's check-status payload and <c>Location</c>; 400 for any bad input
    /// (<see cref="ErrorCodes"/>; a query parameter is <see cref="ErrorCodes.UnexpectedInput"/>: everything goes in the body); 409 <see cref="ErrorCodes.RunExists"/> when the run id exists.
    /// </summary>
    [Function(FunctionNames.StartPipeline)]
    public async Task<IActionResult> StartPipeline(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Routes.StartPipeline)] HttpRequest request,
        string pipeline,
        [DurableClient] DurableTaskClient client,
        FunctionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RequestShape.CheckQuery(request, "POST /api/orchestrators/{pipeline}") is { } query)
        {
            return query.ToResult();
        }

        ApiResult<StartRunRequest> body = await StartRunRequestReader.ReadAsync(request, settings.MaxRequestBytes, request.HttpContext.RequestAborted);
        if (!body.IsOk)
        {
            return body.Problem.ToResult();
        }

        ApiResult<PreparedRun> started = await starter.StartAsync(client, pipeline, body.Value!, request.HttpContext.RequestAborted);
        return started.IsOk
            ? CheckStatusResponses.Create(client, request, executionContext, started.Value!.Start.RunId)
            : started.Problem.ToResult();
    }
}
