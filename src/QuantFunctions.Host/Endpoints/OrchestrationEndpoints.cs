using System.Text.Json;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Durable;
using QuantFunctions.Host.Runs;
using QuantFunctions.Lake.Runs;

namespace QuantFunctions.Host.Endpoints;

/// <summary>
/// The orchestration API in Durable Functions' shape: <c>POST /api/orchestrators/{pipeline}</c> → 202 with
/// the check-status payload and a Location header; <c>GET /api/runs/{id}</c> → 202 while running, 200 when
/// done, 404 unknown; <c>POST /api/runs/{id}/terminate</c>.
/// </summary>
public static class OrchestrationEndpoints
{
    private static readonly JsonSerializerOptions StrictJson = new() { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapOrchestrationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orchestrators/{pipeline}", StartAsync);
        app.MapGet("/api/runs/{id}", StatusAsync);
        app.MapPost("/api/runs/{id}/terminate", Terminate);
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
            runId = launcher.Start(pipeline, body);
        }
        catch (ArgumentException ex)
        {
            return Problem(400, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Problem(409, ex.Message);
        }

        string baseUri = $"{request.Scheme}://{request.Host}";
        string status = $"{baseUri}/api/runs/{runId}";
        var payload = new CheckStatusResponse(
            runId, status, $"{status}/raiseEvent/{{eventName}}", $"{status}/terminate?reason={{text}}", status, $"{status}/resume", $"{status}/suspend", $"{status}/resume");
        return new AcceptedWithHeaders(status, 10, payload);
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
            return new AcceptedWithHeaders($"{request.Scheme}://{request.Host}/api/runs/{id}", 5, status);
        }

        return Results.Ok(status);
    }

    private static IResult Terminate(string id, RunLauncher launcher) =>
        launcher.Terminate(id) ? Results.Accepted() : Problem(404, $"run '{id}' is not running in this host");

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
