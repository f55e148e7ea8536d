using System.Text.Json.Nodes;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Functions;
using QuantFunctions.Host.Runs;
using QuantFunctions.Host.Timers;

namespace QuantFunctions.Host.Endpoints;

/// <summary>
/// The custom-handler invocation protocol for the non-HTTP functions: the Functions host posts
/// <c>{Data, Metadata}</c> to <c>/{FunctionName}</c> and reads <c>{Outputs, Logs, ReturnValue}</c>.
/// </summary>
public static class FunctionInvocationEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapFunctionInvocationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + FunctionNames.DataOpsTimer, (FunctionInvocationRequest request, HostSettings settings, RunLauncher launcher) =>
        {
            ArgumentNullException.ThrowIfNull(request);
            IReadOnlyList<string> runs = DataOpsTimerService.StartDataOps(settings, launcher);
            bool pastDue = request.Data.TryGetValue("timer", out var timer) && timer.ValueKind == System.Text.Json.JsonValueKind.Object
                && timer.TryGetProperty("IsPastDue", out var due) && due.ValueKind == System.Text.Json.JsonValueKind.True;
            var response = new FunctionInvocationResponse
            {
                Logs = [$"DataOps timer{(pastDue ? " (past due)" : string.Empty)} started: {string.Join(", ", runs)}"],
                ReturnValue = new JsonObject { ["runs"] = new JsonArray([.. runs.Select(r => (JsonNode)r)]) },
            };
            return Results.Ok(response);
        });
        return app;
    }
}
