using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace QuantFunctions.Functions.Http;

/// <summary>
/// Durable Functions' own check-status answer for an instance — 202, <c>Location</c>, and the management payload
/// (<c>id</c>, <c>statusQueryGetUri</c>, <c>sendEventPostUri</c>, <c>terminatePostUri</c>, <c>purgeHistoryDeleteUri</c>, …) built by
/// the Durable extension from the request URL and, in Functions, the task hub, connection and system key — for HTTP
/// functions on the ASP.NET Core integration (the extension's <c>CreateCheckStatusResponseAsync</c> takes <c>HttpRequestData</c>).
/// </summary>
public static class CheckStatusResponses
{
    /// <summary>Seconds a client should wait before polling.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>202 with Durable's payload for <paramref name="instanceId"/> and its status query URI as <c>Location</c>.</summary>
    public static IActionResult Create(DurableTaskClient client, HttpRequest request, FunctionContext functionContext, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(functionContext);
        HttpManagementPayload payload = client.CreateHttpManagementPayload(instanceId, new RequestUrlData(request, functionContext));
        string location = payload.StatusQueryGetUri ?? throw new InvalidOperationException($"The Durable extension built no status query URI for instance '{instanceId}'.");
        return new PollResult(location, RetryAfterSeconds, payload);
    }
}
