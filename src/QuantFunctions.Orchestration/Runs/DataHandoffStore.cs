using System.Text.Json;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>Publishes and reads the DataOps hand-off (<see cref="DataHandoff"/>).</summary>
public static class DataHandoffStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly SchemaVersion Schema = SchemaVersion.Parse("v1");

    // silver/{universe}/{pipeline}/version={v}/{dataset}: the folder a silver output belongs to (null above it).
    private static LakePath? DatasetFolder(LakePath output)
    {
        string[] segments = output.Value.Split('/');
        return segments.Length > 5 ? LakePath.Parse(string.Join('/', segments, 0, 5)) : null;
    }

    /// <summary>
    /// Publishes a succeeded data run as its pipeline's latest (overwrites the previous hand-off; the runners call it when a
    /// data run completes); returns null and
    /// writes nothing for a model pipeline or a run that did not succeed. Silver outputs are fingerprinted with
    /// <see cref="DatasetFingerprinter"/> under the run's manifest hash: every file of each silver dataset the run wrote to,
    /// including earlier runs' files of an append-only dataset.
    /// </summary>
    public static async Task<DataHandoff?> PublishAsync(ILakeStore lake, RunRecord run, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Kind != PipelineKind.Data || run.Status != RunStatus.Succeeded)
        {
            return null;
        }

        var fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (InputFingerprint input in run.Inputs)
        {
            fingerprints[input.Name] = input.Fingerprint.Hash;
        }

        var datasets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (NodeState node in run.Nodes)
        {
            foreach (OutputLocation output in node.Outputs)
            {
                if (output.Path.IsUnder(LakePathResolver.SilverRoot) && DatasetFolder(output.Path) is { } dataset)
                {
                    datasets.Add(dataset.Value);
                }
            }
        }

        // Every file of each silver dataset the run wrote to, as it is now: an append-only dataset (the point-in-time
        // feature store adds one batch per as-of) holds the batches of earlier runs too, and readers verify the whole folder.
        foreach (string dataset in datasets)
        {
            await foreach (LakeObjectInfo info in lake.ListAsync(LakePath.Parse(dataset), cancellationToken))
            {
                DatasetFingerprint fp = await DatasetFingerprinter.ComputeAsync(lake, run.ManifestHash, Schema, [info.Path], cancellationToken);
                fingerprints.TryAdd(info.Path.Value, fp.Hash);
            }
        }

        var handoff = new DataHandoff
        {
            RunId = run.RunId.ToString(),
            Scope = run.Scope.ToString(),
            Pipeline = run.PipelineId.ToString(),
            Version = run.PipelineVersion.ToString(),
            AsOf = asOf,
            ManifestHash = run.ManifestHash,
            Fingerprints = fingerprints,
        };
        await lake.WriteAsync(LakePathResolver.PipelineLatest(run.Scope, run.PipelineId), JsonSerializer.SerializeToUtf8Bytes(handoff, Json), LakeWriteMode.Overwrite, cancellationToken);
        return handoff;
    }

    /// <summary>Whether the published hand-off of <paramref name="run"/>'s pipeline is this run's.</summary>
    public static async Task<bool> IsPublishedByAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Kind == PipelineKind.Data
            && await ReadAsync(lake, run.Scope, run.PipelineId, cancellationToken).ConfigureAwait(false) is DataHandoff published
            && published.RunId == run.RunId.Value;
    }

    /// <summary>The published hand-off of a data pipeline, or null when none was published.</summary>
    /// <exception cref="JsonException">The hand-off file is not valid JSON.</exception>
    public static async Task<DataHandoff?> ReadAsync(ILakeStore lake, LakeIdentifier scope, LakeIdentifier pipelineId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lake);
        LakeObject? obj = await lake.TryReadAsync(LakePathResolver.PipelineLatest(scope, pipelineId), cancellationToken);
        return obj is null ? null : JsonSerializer.Deserialize<DataHandoff>(obj.Content.Span, Json);
    }
}
