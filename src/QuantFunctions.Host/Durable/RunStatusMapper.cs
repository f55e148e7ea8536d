using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Host.Runs;
using QuantFunctions.Lake.Runs;

namespace QuantFunctions.Host.Durable;

/// <summary>Maps a run (its lake record, or its in-process state before the record exists) to the Durable status payload.</summary>
public static class RunStatusMapper
{
    /// <summary>Durable runtime status of a QuantFunctions run status.</summary>
    public static string RuntimeStatus(RunStatus status) => status switch
    {
        RunStatus.Running => "Running",
        RunStatus.Succeeded => "Completed",
        RunStatus.Failed => "Failed",
        RunStatus.Cancelled => "Terminated",
        _ => "Pending",
    };

    /// <summary>True while the run is not finished (the status endpoint answers 202).</summary>
    public static bool IsRunning(string runtimeStatus) => runtimeStatus is "Pending" or "Running";

    /// <summary>Builds the payload.</summary>
    public static RunStatusResponse Map(string runId, RunRecord? record, ActiveRun? active)
    {
        if (record is null)
        {
            ArgumentNullException.ThrowIfNull(active);
            string accepted = Format(active.Created);
            string pending = active.StartError is not null ? "Failed" : "Pending";
            JsonNode? error = active.StartError is null ? null : new JsonObject { ["error"] = active.StartError };
            return new RunStatusResponse(active.Pipeline, runId, pending, null, null, error, accepted, accepted, []);
        }

        string runtimeStatus = RuntimeStatus(record.Status);
        if (active is { IsExecuting: true })
        {
            runtimeStatus = "Running"; // resuming here: until it records itself, run.json holds the previous outcome
        }
        else if (record.Status == RunStatus.Running && active is { StartError: not null })
        {
            runtimeStatus = "Failed"; // the runner stopped without recording an outcome (e.g. storage went away)
        }

        var nodes = new List<NodeStatusView>(record.Nodes.Count);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        DateTimeOffset? last = record.CompletedAt ?? record.StartedAt;
        foreach (NodeState node in record.Nodes)
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

        var customStatus = new JsonObject();
        foreach ((string status, int count) in counts)
        {
            customStatus[status.ToLowerInvariant()] = count;
        }

        JsonNode? result = IsRunning(runtimeStatus) ? null : Outcome(record); // no outcome while it runs
        var input = new JsonObject { ["pipeline_version"] = record.PipelineVersion.ToString(), ["scope"] = record.Scope.Value, ["params_hash"] = record.ParamsHash };
        string created = Format(record.StartedAt ?? active?.Created ?? DateTimeOffset.UnixEpoch);
        return new RunStatusResponse(record.PipelineId.Value, runId, runtimeStatus, input, customStatus, result, created, Format(last ?? DateTimeOffset.UnixEpoch), nodes);
    }

    // The output locations of a succeeded run, or the error of a failed or cancelled one.
    private static JsonObject? Outcome(RunRecord record)
    {
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

        return record.Error is null ? null : new JsonObject { ["error"] = record.Error.Message, ["code"] = record.Error.Code ?? record.Error.Type };
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "Z";
}
