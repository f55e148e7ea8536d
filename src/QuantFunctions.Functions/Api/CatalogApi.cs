using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Http;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Functions.Api;

/// <summary><c>GET /api/stages</c>, <c>GET /api/pipelines</c> and the anonymous <c>GET /api/health</c>.</summary>
public sealed class CatalogApi
{
    // How long the health probe waits for the lake.
    private static readonly TimeSpan LakeProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly StageRegistry _registry;
    private readonly PipelineCatalog _catalog;
    private readonly DataOpsSchedules _schedules;
    private readonly ILakeStore _lake;
    private readonly FunctionsSettings _settings;
    private readonly ILogger<CatalogApi> _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the functions.</summary>
    public CatalogApi(StageRegistry registry, PipelineCatalog catalog, DataOpsSchedules schedules, ILakeStore lake, FunctionsSettings settings, ILogger<CatalogApi> logger, TimeProvider time)
    {
        _registry = registry;
        _catalog = catalog;
        _schedules = schedules;
        _lake = lake;
        _settings = settings;
        _logger = logger;
        _time = time;
    }

    /// <summary>Every registered stage: id, kind, description, parameter names and the overridable ones, sorted by id.</summary>
    [Function(FunctionNames.ListStages)]
    public IActionResult ListStages([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Stages)] HttpRequest request)
    {
        var stages = new List<StageView>();
        foreach (StageDescriptor stage in _registry.Stages.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            stages.Add(new StageView(stage.Id, stage.Kind.ToString().ToLowerInvariant(), stage.Description, [.. stage.ParameterNames], [.. stage.OverridableParameters]));
        }

        return new OkObjectResult(stages);
    }

    /// <summary>The pipeline catalog: id, scope, version, kind, schedules and declared parameters, sorted by id.</summary>
    [Function(FunctionNames.ListPipelines)]
    public IActionResult ListPipelines([HttpTrigger(AuthorizationLevel.Function, "get", Route = Routes.Pipelines)] HttpRequest request)
    {
        var pipelines = new List<PipelineView>();
        foreach (PipelineManifest m in _catalog.Manifests)
        {
            var parameters = new List<PipelineParameterView>(m.Parameters.Count);
            foreach (ManifestParameter p in m.Parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                parameters.Add(new PipelineParameterView(p.Name, p.TypeName, p.Default, p.Description, p.Values));
            }

            pipelines.Add(new PipelineView(
                m.Id, m.Scope, m.Version, m.Kind.ToString().ToLowerInvariant(), m.Description, m.Schedule, _schedules.Find(m.Id)?.Schedule.Expression, m.Nodes.Count, parameters));
        }

        return new OkObjectResult(pipelines);
    }

    /// <summary>200 when the lake answers a listing, else 503; with the catalog and registry sizes. Anonymous.</summary>
    [Function(FunctionNames.Health)]
    public async Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? failure = await ProbeLakeAsync(request.HttpContext.RequestAborted);
        var health = new HealthView(
            failure is null ? "Healthy" : "Unhealthy",
            $"{_settings.Lake.Kind}: {failure ?? "reachable"}",
            failure is null,
            _catalog.Count,
            _registry.Stages.Count);
        return new ObjectResult(health) { StatusCode = failure is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }

    // Null when the lake lists; else the error's type (the details go to the log, not to an anonymous caller).
    private async Task<string?> ProbeLakeAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(LakeProbeTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await foreach (LakeObjectInfo _ in _lake.ListAsync(LakePathResolver.MetaRoot, timeout.Token))
            {
                break;
            }

            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Health: the lake {Lake} did not answer within {Timeout}", _settings.Lake, LakeProbeTimeout);
            return "timeout";
        }
        catch (Exception ex) when (ex is LakeException or IOException or HttpRequestException or UnauthorizedAccessException or Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException)
        {
            _logger.LogWarning(ex, "Health: the lake {Lake} is unreachable", _settings.Lake);
            return ex.GetType().Name;
        }
    }
}
