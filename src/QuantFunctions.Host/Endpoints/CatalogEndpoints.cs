using QuantFunctions.Host.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Host.Endpoints;

/// <summary><c>GET /api/stages</c>, <c>GET /api/pipelines</c>, <c>GET /api/health</c> and the custom handler's readiness route <c>GET /</c>.</summary>
public static class CatalogEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Ok(new { service = "QuantFunctions.Host" }));
        app.MapGet("/api/health", (PipelineRuntime runtime, RunLauncher launcher) =>
            Results.Ok(new { status = "Healthy", stages = runtime.Registry.Stages.Count, pipelines = launcher.Pipelines }));
        app.MapGet("/api/pipelines", (RunLauncher launcher) => Results.Ok(launcher.Pipelines));
        app.MapGet("/api/stages", (PipelineRuntime runtime) =>
        {
            var stages = new List<object>();
            foreach (StageDescriptor d in runtime.Registry.Stages)
            {
                stages.Add(new { id = d.Id, kind = d.Kind.ToString().ToLowerInvariant(), description = d.Description, parameters = d.GetParameterSchema() });
            }

            return Results.Ok(stages);
        });
        return app;
    }
}
