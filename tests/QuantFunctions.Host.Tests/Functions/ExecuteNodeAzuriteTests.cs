using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using QuantFunctions.Host.Tests.Endpoints;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Stages.Hosting;
using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Functions;

/// <summary>
/// <c>POST /ExecuteNode</c> over a blob lake on Azurite: the test plays the Functions host, receiving each node message of a
/// queued DataOps run and posting the exact invocation payload (item as the host's JSON string, once doubly encoded).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ExecuteNodeAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ExecuteNode_EveryMessageOfAQueuedRun_RunsItToSuccessAndAnswersTheProtocol()
    {
        using var factory = new BlobHostFactory(azurite.ConnectionString, azurite.UniqueName("lake"));
        using HttpClient client = factory.CreateClient();
        QueueRunner runner = factory.Services.GetRequiredService<QueueRunner>();
        PipelineRuntime runtime = factory.Services.GetRequiredService<PipelineRuntime>();
        var manifest = await runtime.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), "manifests/demo/dataops/version=1.0.0/manifest.json"));
        RunRecord started = await runner.StartAsync(new RunRequest
        {
            Manifest = manifest,
            RunId = "dataops-q",
            Settings = new RunSettings { AsOf = new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), Seed = 42 },
        });
        Assert.Equal(RunStatus.Running, started.Status);

        int posted = 0;
        var outcomes = new List<string>();
        for (int polls = 0; polls < 600 && (await runtime.Runner.Store.TryLoadAsync("demo", "dataops-q"))!.Status == RunStatus.Running; polls++)
        {
            IReadOnlyList<QueueMessage> received = await runner.Queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(60));
            if (received.Count == 0)
            {
                await Task.Delay(100);
                continue;
            }

            QueueMessage message = received[0];

            // The host sends the message string JSON-encoded; the first one is sent doubly encoded (seen with some bindings).
            JsonNode item = posted == 0 ? JsonValue.Create(JsonSerializer.Serialize(message.Text))! : JsonValue.Create(message.Text)!;
            using HttpResponseMessage response = await client.PostAsync(
                "/ExecuteNode", new StringContent(ExecuteNodePayload.Create(item, message.MessageId, message.DequeueCount, message.PopReceipt!).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            JsonObject body = JsonNode.Parse(text)!.AsObject();
            Assert.Empty(body["Outputs"]!.AsObject());
            Assert.Single(body["Logs"]!.AsArray());
            outcomes.Add(body["ReturnValue"]!["outcome"]!.GetValue<string>());
            await runner.Queue.DeleteMessageAsync(message);
            posted++;
        }

        RunRecord run = (await runtime.Runner.Store.TryLoadAsync("demo", "dataops-q"))!;
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(run.Nodes.Count, posted);
        Assert.All(outcomes, o => Assert.Equal(nameof(NodeOutcome.Executed), o));
    }
}
