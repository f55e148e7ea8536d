using Microsoft.AspNetCore.Http;

namespace QuantFunctions.Functions.Http;

/// <summary>The HTTP routes (under host.json's <c>routePrefix</c>, <c>api</c>) and the URLs the API hands out.</summary>
public static class Routes
{
    /// <summary>host.json's <c>extensions.http.routePrefix</c>.</summary>
    public const string Prefix = "api";

    /// <summary>Starts a pipeline run.</summary>
    public const string StartPipeline = "orchestrators/{pipeline}";

    /// <summary>A run's status.</summary>
    public const string Run = "runs/{id}";

    /// <summary>Terminates a run.</summary>
    public const string TerminateRun = "runs/{id}/terminate";

    /// <summary>Restarts a failed or terminated run.</summary>
    public const string RestartRun = "runs/{id}/restart";

    /// <summary>The registered stages.</summary>
    public const string Stages = "stages";

    /// <summary>The pipeline catalog.</summary>
    public const string Pipelines = "pipelines";

    /// <summary>Liveness and readiness.</summary>
    public const string Health = "health";

    /// <summary>The absolute URL of <c>GET /api/runs/{id}</c> on the host the request came to.</summary>
    public static string RunStatusUri(HttpRequest request, string runId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/{Prefix}/runs/{Uri.EscapeDataString(runId)}";
    }
}
