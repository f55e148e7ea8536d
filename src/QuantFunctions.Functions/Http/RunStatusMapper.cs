using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using QuantFunctions.Functions.Runs;
using QuantFunctions.Orchestration.Runs;

namespace QuantFunctions.Functions.Http;

/// <summary>Maps a <see cref="RunView"/> — orchestration instance and <c>run.json</c> — to the status payload.</summary>
public static class RunStatusMapper
{
    /// <summary>The Durable runtime status that corresponds to a recorded run status (for runs without an instance).</summary>
    public static string RuntimeStatusOf(RunStatus status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Succeeded => "Completed",
        RunStatus.Failed => "Failed",
        RunStatus.Cancelled => "Terminated",
        _ => "Pending",
    };

    /// <summary>Builds the payload.</summary>
    public static RunStatusResponse Map(RunView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        OrchestrationMetadata? instance = view.Instance;
        RunRecord? record = view.Record;
        string runtimeStatus = instance?.RuntimeStatus.ToString() ?? RuntimeStatusOf(record!.Status);
        bool finished = view.IsFinished;

        var nodes = new List<NodeStatusView>(record?.Nodes.Count ?? 0);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        DateTimeOffset? last = record?.CompletedAt ?? record?.StartedAt;
        foreach (NodeState node in record?.Nodes ?? [])
        {
            string status = node.Status.ToString();
            counts[status] = counts.GetValueOrDefault(status) + 1;
            nodes.Add(new NodeStatusView(node.Node.Value, status, node.Attempts, node.Error?.Message));
            DateTimeOffset? touched = node.CompletedAt ?? node.StartedAt;
            if (touched is not null && (last is null || touched > last))
            {
                last = touched;
            }
        }

        JsonNode? customStatus = !finished && instance?.SerializedCustomStatus is { Length: > 0 } progress ? ParseOrText(progress) : CountsOf(counts, record);
        DateTimeOffset created = instance?.CreatedAt ?? record?.StartedAt ?? DateTimeOffset.UnixEpoch;
        DateTimeOffset updated = Max(instance?.LastUpdatedAt, last) ?? created;
        return new RunStatusResponse(
            record?.PipelineId.Value ?? RunLocator.PipelineOf(view.Start) ?? instance!.Name,
            view.RunId,
            runtimeStatus,
            record?.Status.ToString(),
            InputOf(view),
            customStatus,
            finished ? OutputOf(record) : null,
            ErrorOf(view),
            Format(created),
            Format(updated),
            nodes);
    }

    private static JsonObject? InputOf(RunView view)
    {
        if (view.Record is { } record)
        {
            return new JsonObject
            {
                ["scope"] = record.Scope.Value,
                ["pipelineVersion"] = record.PipelineVersion.ToString(),
                ["kind"] = record.Kind.ToString().ToLowerInvariant(),
                ["attempt"] = record.Attempt,
                ["paramsHash"] = record.ParamsHash,
                ["gitSha"] = record.GitSha,
            };
        }

        if (view.Start is { } start)
        {
            var overrides = new JsonArray();
            foreach (string o in start.Overrides)
            {
                overrides.Add(o);
            }

            var input = new JsonObject
            {
                ["scope"] = RunLocator.ScopeOf(start),
                ["attempt"] = start.Attempt,
                ["asOf"] = start.IsRestart ? null : Format(start.AsOf),
                ["seed"] = start.IsRestart ? null : start.Seed,
                ["params"] = overrides,
            };
            if (start.Parameters.Count > 0)
            {
                input["set"] = new JsonObject([.. start.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
            }

            return input;
        }

        return null;
    }

    private static JsonObject? CountsOf(SortedDictionary<string, int> counts, RunRecord? record)
    {
        if (record is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach ((string status, int count) in counts)
        {
            result[status.ToLowerInvariant()] = count;
        }

        return result;
    }

    // The output locations of a succeeded run, or the failed nodes of one that did not succeed.
    private static JsonObject? OutputOf(RunRecord? record)
    {
        if (record is null)
        {
            return null;
        }

        if (record.Status == RunStatus.Succeeded)
        {
            var outputs = new JsonArray();
            foreach (NodeState node in record.Nodes)
            {
                foreach (OutputLocation o in node.Outputs)
                {
                    outputs.Add(new JsonObject { ["node"] = node.Node.Value, ["name"] = o.Name, ["path"] = o.Path.Value });
                }
            }

            return new JsonObject { ["outputs"] = outputs };
        }

        var failed = new JsonArray();
        foreach (NodeState node in record.Nodes)
        {
            if (node.Status == NodeStatus.Failed)
            {
                failed.Add(node.Node.Value);
            }
        }

        return new JsonObject { ["failed"] = failed };
    }

    private static string? ErrorOf(RunView view) =>
        view.Record?.Error?.Message
        ?? view.Instance?.FailureDetails?.ErrorMessage
        ?? (view.Instance is { RuntimeStatus: OrchestrationRuntimeStatus.Terminated } terminated ? ParseText(terminated.SerializedOutput) : null);

    private static JsonNode? ParseOrText(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    // A terminated instance's output is the reason, serialized as a JSON string.
    private static string? ParseText(string? json) => json is null ? null : ParseOrText(json) is JsonValue value && value.TryGetValue(out string? text) ? text : json;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
