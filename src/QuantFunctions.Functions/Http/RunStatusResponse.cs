using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace QuantFunctions.Functions.Http;

/// <summary>
/// <c>GET /api/runs/{id}</c>: Durable's status payload shape (<c>name, instanceId, runtimeStatus, input, customStatus, output,
/// createdTime, lastUpdatedTime</c>) merged with the lake's view of the run (<c>runStatus</c>, <c>error</c>, <c>nodes</c>).
/// </summary>
/// <param name="Name">The pipeline id (the orchestrator's name before <c>run.json</c> exists).</param>
/// <param name="InstanceId">The run id, which is the orchestration instance id.</param>
/// <param name="RuntimeStatus">The orchestration's status (Pending, Running, Suspended, Completed, Failed, Terminated); from <c>run.json</c> when there is no instance.</param>
/// <param name="RunStatus">The recorded run status (Pending, Running, Succeeded, Failed, Cancelled); null before <c>run.json</c> exists.</param>
/// <param name="Input">What the run is: scope, pipeline version, kind, attempt, parameter hash (or the start request before <c>run.json</c>).</param>
/// <param name="CustomStatus">Progress: the orchestration's custom status while it runs, else node counts by state.</param>
/// <param name="Output">The output locations of a succeeded run, or the failed nodes of a failed one; null while running.</param>
/// <param name="Error">Why the run failed or was cancelled (its recorded error, or the orchestration's failure).</param>
/// <param name="CreatedTime">When the run (or instance) was created, ISO-8601 UTC.</param>
/// <param name="LastUpdatedTime">When its state last changed, ISO-8601 UTC.</param>
/// <param name="Nodes">Every node's recorded state, in plan order.</param>
public sealed record RunStatusResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("runtimeStatus")] string RuntimeStatus,
    [property: JsonPropertyName("runStatus")] string? RunStatus,
    [property: JsonPropertyName("input")] JsonObject? Input,
    [property: JsonPropertyName("customStatus")] JsonNode? CustomStatus,
    [property: JsonPropertyName("output")] JsonNode? Output,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("createdTime")] string CreatedTime,
    [property: JsonPropertyName("lastUpdatedTime")] string LastUpdatedTime,
    [property: JsonPropertyName("nodes")] IReadOnlyList<NodeStatusView> Nodes);
