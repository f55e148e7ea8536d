using System.Text.Json.Nodes;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Functions;
using QuantFunctions.Host.Runs;
using QuantFunctions.Host.Timers;

namespace QuantFunctions.Host.Endpoints;

/// <summary>
/// The custom-handler invocation protocol for the non-HTTP functions: the Functions host posts
/// <c>{Data, Metadata}</c> to <c>/{FunctionName}</c> and reads <c>{Outputs, Logs, ReturnValue}</c>.
/// <c>DataOpsTimer</c> starts the scheduled data pipelines whose schedule is due at the firing time
/// (Metadata.sys.UtcNow): an occurrence within the minute up to it (<see cref="DataOpsSchedules.InvocationWindow"/>).
/// </summary>
public static class FunctionInvocationEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapFunctionInvocationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + FunctionNames.DataOpsTimer, async (FunctionInvocationRequest request, HostSettings settings, PipelineCatalog catalog, RunLauncher launcher, TimeProvider time) =>
        {
            ArgumentNullException.ThrowIfNull(request);
            IReadOnlyList<string> runs = await DataOpsSchedules.StartDueAsync(DataOpsSchedules.Plan(settings, catalog), launcher, FiredAt(request, time), CancellationToken.None); // as an HTTP start: never half enqueued
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

    // The time the Functions host fired the trigger (Metadata.sys.UtcNow), else now.
    private static DateTimeOffset FiredAt(FunctionInvocationRequest request, TimeProvider time) =>
        request.Metadata.TryGetValue("sys", out var sys) && sys.ValueKind == System.Text.Json.JsonValueKind.Object
            && sys.TryGetProperty("UtcNow", out var utcNow) && utcNow.TryGetDateTimeOffset(out DateTimeOffset at)
            ? at
            : time.GetUtcNow();
}
