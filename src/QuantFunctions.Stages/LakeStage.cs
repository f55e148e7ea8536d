using System.Security.Cryptography;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages;

/// <summary>
/// Base of the shipped stages: each declares the datasets it reads; the base fingerprints them (SHA-256
/// over the producing manifest, schema version, partitions and every file's path, size and content hash)
/// both for the run record after a run and, before a re-run or resume, to tell the runner whether a
/// succeeded node's inputs changed.
/// </summary>
/// <typeparam name="TParameters">The stage's parameter record.</typeparam>
public abstract class LakeStage<TParameters> : Stage<TParameters>
    where TParameters : class
{
    /// <summary>The datasets the node reads, given its parameters.</summary>
    protected abstract Task<IReadOnlyList<StageInput>> DescribeInputsAsync(StageContext context, TParameters parameters, CancellationToken cancellationToken);

    /// <summary>The stage's work; the base adds the input fingerprints to its result.</summary>
    protected abstract Task<StageResult> RunAsync(StageContext context, TParameters parameters, CancellationToken cancellationToken);

    /// <inheritdoc/>
    protected sealed override async Task<StageResult> ExecuteAsync(StageContext context, TParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        IReadOnlyList<InputFingerprint> inputs = await FingerprintAsync(context, parameters, cancellationToken);
        StageResult result = await RunAsync(context, parameters, cancellationToken);
        return result with { Inputs = inputs };
    }

    /// <inheritdoc/>
    protected sealed override async Task<IReadOnlyList<InputFingerprint>?> ComputeInputFingerprintsAsync(StageContext context, TParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await FingerprintAsync(context, parameters, cancellationToken);
    }

    /// <summary>An output location named by its dataset.</summary>
    protected static OutputLocation Output(string name, LakePath path) => new(name, path);

    private async Task<IReadOnlyList<InputFingerprint>> FingerprintAsync(StageContext context, TParameters parameters, CancellationToken cancellationToken)
    {
        IReadOnlyList<StageInput> inputs = await DescribeInputsAsync(context, parameters, cancellationToken);
        var result = new List<InputFingerprint>(inputs.Count);
        foreach (StageInput input in inputs)
        {
            string manifestHash = await ManifestHashAsync(context, input.PipelineId, input.PipelineVersion, cancellationToken);
            DatasetFingerprint fingerprint = await DatasetFingerprinter.ComputeAsync(context.Lake, manifestHash, SchemaVersion.V1, input.Partitions, cancellationToken);
            result.Add(new InputFingerprint(input.Name, fingerprint));
        }

        return result;
    }

    private static async Task<string> ManifestHashAsync(StageContext context, LakeIdentifier pipelineId, SemVer version, CancellationToken cancellationToken)
    {
        LakeObject? manifest = await context.Lake.TryReadAsync(context.Paths.Manifest(pipelineId, version), cancellationToken);
        return Convert.ToHexStringLower(SHA256.HashData(manifest is null ? [] : manifest.Content.Span));
    }
}
