using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Tests.Fakes;

/// <summary>Parameters of <see cref="CopyStage"/>.</summary>
public sealed record CopyParameters
{
    /// <summary>The relative input file under the gold folder of the run's pipeline, or empty for none.</summary>
    public string Input { get; init; } = "";

    /// <summary>The relative output file.</summary>
    [Required]
    [MinLength(1)]
    public string Output { get; init; } = "out.txt";
}

/// <summary>
/// A real, typed stage: reads its input file from the lake (fingerprinted), appends its node key and a
/// seeded random number, and writes the output; tells its current input fingerprint without running.
/// </summary>
public sealed class CopyStage : Stage<CopyParameters>
{
    protected override async Task<StageResult> ExecuteAsync(StageContext context, CopyParameters parameters, CancellationToken cancellationToken)
    {
        string text = "";
        IReadOnlyList<InputFingerprint> inputs = [];
        if (parameters.Input.Length > 0)
        {
            LakeObject input = await context.Lake.TryReadAsync(PathOf(context, parameters.Input), cancellationToken)
                ?? throw new LakeObjectNotFoundException(PathOf(context, parameters.Input));
            text = Encoding.UTF8.GetString(input.Content.Span);
            inputs = [await FingerprintAsync(context, parameters.Input, cancellationToken)];
        }

        text += $"{context.NodeKey}:{context.Random.Next(1000)}\n";
        LakePath output = PathOf(context, parameters.Output);
        await context.Lake.WriteAsync(output, Encoding.UTF8.GetBytes(text), LakeWriteMode.Overwrite, cancellationToken);
        await context.AuditAsync("copy.written", new JsonObject { ["bytes"] = text.Length }, cancellationToken);
        return new StageResult { RowsRead = inputs.Count, RowsWritten = 1, Inputs = inputs, Outputs = [new OutputLocation("copy", output)] };
    }

    protected override async Task<IReadOnlyList<InputFingerprint>?> ComputeInputFingerprintsAsync(StageContext context, CopyParameters parameters, CancellationToken cancellationToken) =>         parameters.Input.Length == 0 ? [] : [await FingerprintAsync(context, parameters.Input, cancellationToken)];

    private static LakePath PathOf(StageContext context, string file) =>
        LakePathResolver.GoldDataset(context.Scope, context.PipelineId, context.PipelineVersion, LakeIdentifier.Parse("copies"))
            .Append(file);

    private static async Task<InputFingerprint> FingerprintAsync(StageContext context, string file, CancellationToken cancellationToken)
    {
        LakePath path = PathOf(context, file);
        DatasetFingerprint fp = await DatasetFingerprinter.ComputeAsync(context.Lake, new string('0', 64), SchemaVersion.V1, [path.Parent], cancellationToken);
        return new InputFingerprint(file, DatasetFingerprint.Create(fp.ManifestHash, fp.SchemaVersion, fp.Partitions, fp.Files.Where(f => f.Path == path)));
    }
}
