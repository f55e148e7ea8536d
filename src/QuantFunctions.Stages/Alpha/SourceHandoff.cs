using System.Globalization;
using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Alpha;

/// <summary>The DataOps hand-off a model pipeline consumes (<see cref="DataHandoffStore"/>).</summary>
public static class SourceHandoff
{
    /// <summary>
    /// Reads the hand-off named by <see cref="SelectParameters.SourceScope"/> and <see cref="SelectParameters.SourcePipeline"/>,
    /// verifies that the files under <paramref name="read"/> (the silver the node reads) are exactly the ones the hand-off
    /// fingerprinted, unchanged, and returns it as an audit object (<c>run_id</c>, <c>as_of</c>, <c>fingerprints</c>,
    /// <c>verified_files</c>); null when no source scope is set.
    /// </summary>
    /// <exception cref="SourceHandoffException">
    /// No hand-off is published, it is of another version, <see cref="SelectParameters.SourceRun"/> names another run, or the
    /// silver read differs from what the hand-off published (a file changed, added or removed since).
    /// </exception>
    public static async Task<JsonObject?> ResolveAsync(StageContext context, SelectParameters parameters, LakePath read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.SourceScope is null)
        {
            return parameters.SourceRun is null
                ? null
                : throw new SourceHandoffException(ErrorCodes.InvalidArgument, $"node '{context.NodeKey}': 'source_run' needs 'source_scope' (the scope of '{parameters.SourcePipeline}')");
        }

        LakeIdentifier scope = LakeIdentifier.Parse(parameters.SourceScope, "source_scope");
        LakeIdentifier pipeline = LakeIdentifier.Parse(parameters.SourcePipeline, "source_pipeline");
        LakePath path = LakePathResolver.PipelineLatest(scope, pipeline);
        DataHandoff handoff = await DataHandoffStore.ReadAsync(context.Lake, scope, pipeline, cancellationToken)
            ?? throw new SourceHandoffException($"node '{context.NodeKey}': no DataOps hand-off at {path}: run '{parameters.SourcePipeline}' to success first");
        if (!string.Equals(handoff.Version, parameters.SourceVersion, StringComparison.Ordinal))
        {
            throw new SourceHandoffException($"node '{context.NodeKey}': {path} publishes version {handoff.Version} but source_version is {parameters.SourceVersion}");
        }

        if (parameters.SourceRun is string wanted && !string.Equals(wanted, handoff.RunId, StringComparison.Ordinal))
        {
            throw new SourceHandoffException($"node '{context.NodeKey}': source_run '{wanted}' is not the published run of '{parameters.SourcePipeline}' ({path} names '{handoff.RunId}')");
        }

        int verified = await VerifyAsync(context, handoff, read, path, cancellationToken);
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
            ["verified_files"] = verified,
        };
    }

    /// <summary>Re-fingerprints every file under <paramref name="read"/> as the hand-off did and compares; returns the file count.</summary>
    private static async Task<int> VerifyAsync(StageContext context, DataHandoff handoff, LakePath read, LakePath handoffPath, CancellationToken cancellationToken)
    {
        string prefix = read.Value.EndsWith('/') ? read.Value : read.Value + "/";
        var published = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string key in handoff.Fingerprints.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                published.Add(key);
            }
        }

        string Changed(string what) =>
            $"node '{context.NodeKey}': {read} {what} since run '{handoff.RunId}' published {handoffPath}; re-run '{handoff.Pipeline}' to publish the data as it is now";
        int count = 0;
        await foreach (LakeObjectInfo info in context.Lake.ListAsync(read, cancellationToken))
        {
            if (!published.Remove(info.Path.Value))
            {
                throw new SourceHandoffException(Changed($"gained '{info.Path}', which the hand-off does not list,"));
            }

            DatasetFingerprint now = await DatasetFingerprinter.ComputeAsync(context.Lake, handoff.ManifestHash, SchemaVersion.V1, [info.Path], cancellationToken);
            if (now.Hash != handoff.Fingerprints[info.Path.Value])
            {
                throw new SourceHandoffException(Changed($"changed: '{info.Path}' has fingerprint {now.Hash[..12]}…, published {handoff.Fingerprints[info.Path.Value][..12]}…,"));
            }

            count++;
        }

        return published.Count == 0
            ? count
            : throw new SourceHandoffException(Changed($"lost '{published.Min}' ({published.Count} published file(s) missing)"));
    }
}
