using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using QuantFunctions.Host.Functions;
using QuantFunctions.Orchestration.Queue;

namespace QuantFunctions.Host.Endpoints;

/// <summary>
/// The <c>ExecuteNode</c> queue trigger (custom-handler protocol): <c>POST /ExecuteNode</c> with
/// <c>{Data:{item:"&lt;node message JSON&gt;"}, Metadata:{DequeueCount, Id, PopReceipt, …}}</c> runs the node through the
/// <see cref="QueueRunner"/> and answers <c>{Outputs:{}, Logs:[…], ReturnValue:{…}}</c>. A failure answers non-2xx so
/// the Functions host retries the message and poisons it after <c>maxDequeueCount</c> (host.json).
/// </summary>
public static class ExecuteNodeEndpoint
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapExecuteNodeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/" + FunctionNames.ExecuteNode, async (FunctionInvocationRequest request, IServiceProvider services, ILoggerFactory logging, CancellationToken cancellationToken) =>
        {
            ArgumentNullException.ThrowIfNull(request);
            ILogger logger = logging.CreateLogger(typeof(ExecuteNodeEndpoint).FullName!);
            string delivery = $"message {Metadata(request, "Id") ?? "?"}, delivery {Metadata(request, "DequeueCount") ?? "?"}";
            NodeMessage message;
            try
            {
                JsonElement item = request.Data.TryGetValue("item", out JsonElement value)
                    ? value
                    : throw new FormatException("The invocation has no 'item' binding (the queue message).");
                message = NodeMessage.Parse(InvocationValueDecoder.DecodeJson(item, "item").GetRawText());
            }
            catch (FormatException ex)
            {
                logger.LogError(ex, "ExecuteNode: malformed {Delivery}", delivery);
                return Reply(StatusCodes.Status400BadRequest, $"ExecuteNode: malformed node message ({delivery}): {ex.Message}", null);
            }

            try
            {
                QueueRunner runner = services.GetRequiredService<QueueRunner>();
                NodeOutcome outcome = await runner.ProcessAsync(message, cancellationToken: cancellationToken);
                var result = new JsonObject
                {
                    ["run_id"] = message.RunId,
                    ["scope"] = message.Scope,
                    ["node"] = message.Node,
                    ["attempt"] = message.Attempt,
                    ["outcome"] = outcome.ToString(),
                };

                // A claim held elsewhere may belong to a dead worker: fail so the host retries after its visibility timeout.
                return outcome == NodeOutcome.ClaimedElsewhere
                    ? Reply(StatusCodes.Status503ServiceUnavailable, $"ExecuteNode {message.Node} of run {message.RunId}: claimed by another worker; retry later ({delivery})", result)
                    : Reply(StatusCodes.Status200OK, $"ExecuteNode {message.Node} of run {message.RunId}: {outcome} ({delivery})", result);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
            {
                logger.LogError(ex, "ExecuteNode {Node} of run {RunId} failed ({Delivery})", message.Node, message.RunId, delivery);
                return Reply(StatusCodes.Status500InternalServerError, $"ExecuteNode {message.Node} of run {message.RunId} failed ({delivery}): {ex.GetType().Name}: {ex.Message}", null);
            }
        });
        return app;
    }

    private static IResult Reply(int status, string log, JsonObject? result) =>
        Results.Json(
            new FunctionInvocationResponse { Logs = [log], ReturnValue = result ?? new JsonObject { ["error"] = log } },
            statusCode: status);

    private static string? Metadata(FunctionInvocationRequest request, string name) =>
        request.Metadata.TryGetValue(name, out JsonElement value)
            ? value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString(CultureInfo.InvariantCulture) : value.ToString()
            : null;
}
