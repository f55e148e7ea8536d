using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Alpha;

/// <summary>The DataOps hand-off a model pipeline consumes (<see cref="DataHandoffStore"/>).</summary>
public static class SourceHandoff
{
    /// <summary>
    /// Reads the hand-off named by <see cref="SelectParameters.SourceScope"/> and <see cref="SelectParameters.SourcePipeline"/>
    /// as an audit object (<c>run_id</c>, <c>as_of</c>, <c>fingerprints</c>); null when no source scope is set.
    /// </summary>
    /// <exception cref="InvalidOperationException">No hand-off is published, it is of another version, or <see cref="SelectParameters.SourceRun"/> names another run.</exception>
    public static async Task<JsonObject?> ResolveAsync(StageContext context, SelectParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.SourceScope is null)
        {
            return parameters.SourceRun is null
                ? null
                : throw new InvalidOperationException($"node '{context.NodeKey}': 'source_run' needs 'source_scope' (the scope of '{parameters.SourcePipeline}')");
        }

        LakePath path = LakePathResolver.PipelineLatest(LakeIdentifier.Parse(parameters.SourceScope, "source_scope"), LakeIdentifier.Parse(parameters.SourcePipeline, "source_pipeline"));
        DataHandoff handoff = await DataHandoffStore.ReadAsync(context.Lake, LakeIdentifier.Parse(parameters.SourceScope, "source_scope"), LakeIdentifier.Parse(parameters.SourcePipeline, "source_pipeline"), cancellationToken)
            ?? throw new InvalidOperationException($"node '{context.NodeKey}': no DataOps hand-off at {path}: run '{parameters.SourcePipeline}' to success first");
        if (!string.Equals(handoff.Version, parameters.SourceVersion, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"node '{context.NodeKey}': {path} publishes version {handoff.Version} but source_version is {parameters.SourceVersion}");
        }

        if (parameters.SourceRun is string wanted && !string.Equals(wanted, handoff.RunId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"node '{context.NodeKey}': source_run '{wanted}' is not the published run of '{parameters.SourcePipeline}' ({path} names '{handoff.RunId}')");
        }

        var fingerprints = new JsonObject();
        foreach (KeyValuePair<string, string> kv in handoff.Fingerprints)
        {
            fingerprints[kv.Key] = kv.Value;
        }

        return new JsonObject
        {
            ["pipeline"] = handoff.Pipeline,
            ["version"] = handoff.Version,
            ["run_id"] = handoff.RunId,
            ["as_of"] = handoff.AsOf.ToString("O", CultureInfo.InvariantCulture),
            ["manifest_hash"] = handoff.ManifestHash,
            ["fingerprints"] = fingerprints,
        };
    }
}
