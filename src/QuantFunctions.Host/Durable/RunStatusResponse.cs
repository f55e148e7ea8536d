using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace QuantFunctions.Host.Durable;

/// <summary>
/// The status of a run in Durable Functions' status payload shape
/// (<c>name, instanceId, runtimeStatus, input, customStatus, output, createdTime, lastUpdatedTime</c>),
/// plus <c>nodes</c>: the state of every node of the run's DAG.
/// </summary>
/// <param name="Name">The pipeline id.</param>
/// <param name="InstanceId">The run id.</param>
/// <param name="RuntimeStatus">Pending, Running, Completed, Failed or Terminated.</param>
/// <param name="Input">The run's parameters.</param>
/// <param name="CustomStatus">Progress: counts of nodes by state.</param>
/// <param name="Output">What the run produced (output locations) once completed, or the error once failed.</param>
/// <param name="CreatedTime">When the run was created, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
/// <param name="LastUpdatedTime">When its state last changed, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
/// <param name="Nodes">Per-node state: key, stage, status, attempts, error.</param>
public sealed record RunStatusResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("instanceId")] string InstanceId,
    [property: JsonPropertyName("runtimeStatus")] string RuntimeStatus,
    [property: JsonPropertyName("input")] JsonNode? Input,
    [property: JsonPropertyName("customStatus")] JsonNode? CustomStatus,
    [property: JsonPropertyName("output")] JsonNode? Output,
    [property: JsonPropertyName("createdTime")] string CreatedTime,
    [property: JsonPropertyName("lastUpdatedTime")] string LastUpdatedTime,
    [property: JsonPropertyName("nodes")] IReadOnlyList<NodeStatusView> Nodes);
