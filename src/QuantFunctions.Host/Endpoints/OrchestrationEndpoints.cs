using System.Text.Json;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Durable;
using QuantFunctions.Host.Runs;
using QuantFunctions.Lake.Runs;

namespace QuantFunctions.Host.Endpoints;

/// <summary>
/// The orchestration API in Durable Functions' shape: <c>POST /api/orchestrators/{pipeline}</c> → 202 with
/// the check-status payload and a Location header; <c>GET /api/runs/{id}</c> → 202 while running, 200 when
/// done, 404 unknown; <c>POST /api/runs/{id}/terminate?reason=</c> → 202, 404 unknown, 410 finished, 409 not
/// executing here (local runner); <c>POST /api/runs/{id}/resume</c> → 202 + Location, 404 unknown, 409 executing
/// here or already completed.
/// </summary>
public static class OrchestrationEndpoints
{
    private static readonly JsonSerializerOptions StrictJson = new() { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapOrchestrationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orchestrators/{pipeline}", StartAsync);
        app.MapGet("/api/runs/{id}", StatusAsync);
        app.MapPost("/api/runs/{id}/terminate", TerminateAsync);
        app.MapPost("/api/runs/{id}/resume", ResumeAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(string pipeline, HttpRequest request, RunLauncher launcher, HostSettings settings, CancellationToken cancellationToken)
    {
        if (request.ContentLength > settings.MaxRequestBytes)
        {
            return Problem(400, $"request body of {request.ContentLength} bytes exceeds the limit of {settings.MaxRequestBytes}");
        }

        StartRunRequest body;
        try
        {
            body = await ReadBodyAsync(request, settings.MaxRequestBytes, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Problem(400, $"malformed JSON body: {ex.Message}");
        }
        catch (InvalidDataException ex)
        {
            return Problem(400, ex.Message);
        }

        string runId;
        try
        {
            // Not the request's token: a client that goes away must not leave a run half recorded and half enqueued.
            runId = await launcher.StartAsync(pipeline, body, CancellationToken.None);
        }
        catch (ArgumentException ex)
        {
            return Problem(400, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Problem(409, ex.Message);
        }

        return CheckStatus(request, runId);
    }

    private static async Task<IResult> StatusAsync(string id, RunLauncher launcher, HttpRequest request, CancellationToken cancellationToken)
    {
        (RunRecord? record, ActiveRun? active) = await launcher.FindAsync(id, cancellationToken);
        if (record is null && active is null)
        {
            return Problem(404, $"no run '{id}'");
        }

        RunStatusResponse status = RunStatusMapper.Map(id, record, active);
        if (RunStatusMapper.IsRunning(status.RuntimeStatus))
        {
            return new AcceptedWithHeaders(StatusUri(request, id), 5, status);
        }

        return Results.Ok(status);
    }

    private static async Task<IResult> TerminateAsync(string id, string? reason, RunLauncher launcher, HttpRequest request)
    {
        RunControlResult result = await launcher.TerminateAsync(id, reason, CancellationToken.None); // as for a start
        return result.Outcome == RunControlOutcome.Accepted ? Results.Accepted(StatusUri(request, id)) : Problem(result);
    }

    private static async Task<IResult> ResumeAsync(string id, RunLauncher launcher, HttpRequest request)
    {
        RunControlResult result = await launcher.ResumeAsync(id, CancellationToken.None); // as for a start
        return result.Outcome == RunControlOutcome.Accepted ? CheckStatus(request, id) : Problem(result);
    }

    // 202 with the check-status payload and Location (Durable's CreateCheckStatusResponse).
    private static AcceptedWithHeaders CheckStatus(HttpRequest request, string runId)
    {
        string status = StatusUri(request, runId);
        var payload = new CheckStatusResponse(
            runId, status, $"{status}/raiseEvent/{{eventName}}", $"{status}/terminate?reason={{text}}", status, $"{status}/resume", $"{status}/suspend", $"{status}/resume");
        return new AcceptedWithHeaders(status, 10, payload);
    }

    private static string StatusUri(HttpRequest request, string runId) => $"{request.Scheme}://{request.Host}/api/runs/{runId}";

    private static IResult Problem(RunControlResult result) => Problem(
        result.Outcome switch
        {
            RunControlOutcome.NotFound => StatusCodes.Status404NotFound,
            RunControlOutcome.Finished => StatusCodes.Status410Gone,
            _ => StatusCodes.Status409Conflict,
        },
        result.Detail);

    private static async Task<StartRunRequest> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new InvalidDataException($"request body exceeds the limit of {limit} bytes");
            }
        }

        if (buffer.Length == 0)
        {
            return new StartRunRequest();
        }

        return JsonSerializer.Deserialize<StartRunRequest>(buffer.ToArray(), StrictJson)
            ?? new StartRunRequest();
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
