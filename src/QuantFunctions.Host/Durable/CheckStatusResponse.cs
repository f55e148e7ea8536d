using System.Text.Json.Serialization;

namespace QuantFunctions.Host.Durable;

/// <summary>
/// The body of <c>202 Accepted</c> after starting an orchestration, in the shape Durable Functions'
/// <c>CreateCheckStatusResponse</c> returns, so existing Durable clients can poll QuantFunctions runs.
/// </summary>
/// <param name="Id">The run id (instance id).</param>
/// <param name="StatusQueryGetUri">Poll this until it answers 200.</param>
/// <param name="SendEventPostUri">Not supported by QuantFunctions runs (answers 501); present for shape compatibility.</param>
/// <param name="TerminatePostUri">POST to terminate the run.</param>
/// <param name="PurgeHistoryDeleteUri">Not supported (runs are audit records and are never purged by the API); answers 501.</param>
/// <param name="RestartPostUri">POST to resume a failed run from its recorded state.</param>
/// <param name="SuspendPostUri">Not supported; answers 501.</param>
/// <param name="ResumePostUri">POST to resume a failed or terminated run from its recorded state.</param>
public sealed record CheckStatusResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("statusQueryGetUri")] string StatusQueryGetUri,
    [property: JsonPropertyName("sendEventPostUri")] string SendEventPostUri,
    [property: JsonPropertyName("terminatePostUri")] string TerminatePostUri,
    [property: JsonPropertyName("purgeHistoryDeleteUri")] string PurgeHistoryDeleteUri,
    [property: JsonPropertyName("restartPostUri")] string RestartPostUri,
    [property: JsonPropertyName("suspendPostUri")] string SuspendPostUri,
    [property: JsonPropertyName("resumePostUri")] string ResumePostUri);
