using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Host.Tests.Functions;

/// <summary>
/// Plays the Functions host's queue trigger: receives the node messages one at a time, posts each to <c>/ExecuteNode</c>
/// (the exact invocation payload, item as the host's JSON string) and deletes it once the Host answers 200.
/// </summary>
internal static class ExecuteNodeDriver
{
    /// <summary>One handled message: its node, attempt and the Host's outcome.</summary>
    public sealed record Handled(string Node, int Attempt, string Outcome);

    /// <summary>Handles messages until the queue is empty and <paramref name="done"/> holds (at most 600 polls).</summary>
    public static async Task<IReadOnlyList<Handled>> DrainAsync(HttpClient client, StorageQueueClient queue, Func<Task<bool>> done)
    {
        var handled = new List<Handled>();
        for (int polls = 0; polls < 600; polls++)
        {
            IReadOnlyList<QueueMessage> received = await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(60));
            if (received.Count == 0)
            {
                if (await done())
                {
                    return handled;
                }

                await Task.Delay(100);
                continue;
            }

            QueueMessage message = received[0];
            JsonObject payload = ExecuteNodePayload.Create(JsonValue.Create(message.Text)!, message.MessageId, message.DequeueCount, message.PopReceipt!);
            using var content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await client.PostAsync("/ExecuteNode", content);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            JsonNode result = JsonNode.Parse(text)!["ReturnValue"]!;
            handled.Add(new Handled(result["node"]!.GetValue<string>(), result["attempt"]!.GetValue<int>(), result["outcome"]!.GetValue<string>()));
            await queue.DeleteMessageAsync(message);
        }

        throw new TimeoutException($"queue '{queue.Name}' was not drained in 600 polls ({handled.Count} messages handled)");
    }
}
