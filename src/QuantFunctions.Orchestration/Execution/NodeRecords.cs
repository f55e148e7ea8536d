using System.Text.Json.Nodes;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>Builds and converts node records: <c>stage.json</c> (<see cref="StageRecord"/>) and the node entries of <c>run.json</c>.</summary>
public static class NodeRecords
{
    /// <summary>A stage record for <paramref name="node"/> with its resolved parameters and their hash.</summary>
    public static StageRecord Create(RunRecord run, PlanNode node, NodeStatus status, int attempts)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(node);
        return new StageRecord
        {
            RunId = run.RunId,
            Scope = run.Scope,
            Node = NodeKey.Parse(node.Key),
            StageId = node.StageId,
            Status = status,
            Attempts = attempts,
            Parameters = JsonNode.Parse(node.ParametersJson)!.AsObject(),
            ParamsHash = Hashes.Sha256(node.ParametersJson),
        };
    }

    /// <summary>The attempts <c>run.json</c> records for <paramref name="node"/> (0 before its first).</summary>
    public static int AttemptsOf(RunRecord run, NodeKey node)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Nodes.FirstOrDefault(n => n.Node == node)?.Attempts ?? 0;
    }

    /// <summary>The record of a node the planner skipped: Skipped, with the skip's reason and code.</summary>
    public static StageRecord Skipped(StageRecord record, NodeSkip skip)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(skip);
        return record with
        {
            Status = NodeStatus.Skipped,
            Error = new NodeError("skipped", skip.Reason, skip.FailedFast ? NodeErrorCodes.FailFast : NodeErrorCodes.DependencyFailed),
            StartedAt = null,
            CompletedAt = null,
        };
    }

    /// <summary>The data of a <c>node.skipped</c> audit event.</summary>
    public static JsonObject SkipData(StageRecord record, NodeSkip skip)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(skip);
        return new JsonObject { ["stage"] = record.StageId, ["cause"] = skip.Cause, ["reason"] = skip.Reason };
    }

    /// <summary>The <c>run.json</c> entry of a stage record.</summary>
    public static NodeState ToNodeState(StageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new NodeState
        {
            Node = record.Node,
            Status = record.Status,
            Attempts = record.Attempts,
            InputFingerprint = record.InputFingerprint,
            Outputs = record.Outputs,
            Error = record.Error,
            StartedAt = record.StartedAt,
            CompletedAt = record.CompletedAt,
        };
    }
}
