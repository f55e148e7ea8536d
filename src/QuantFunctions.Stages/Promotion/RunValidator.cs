using System.Text.Json.Nodes;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Promotion;

/// <summary>
/// The atomic run contract (seed 000 Pillar 4, "Run Artifact Contracts"): a run is valid when it succeeded, its manifest
/// snapshot is stored, every output it recorded exists, every Parquet output's content fingerprint reproduces from its
/// rows, and its audit ledger verifies against the head in run.json. The result is written to
/// <c>_meta/{scope}/runs/{run_id}/validation.json</c>, which <see cref="IsValidatedAsync"/> reads.
/// </summary>
public static class RunValidator
{
    /// <summary>The validation record's file name in the run folder.</summary>
    public const string FileName = "validation.json";

    /// <summary>The validation record of a run.</summary>
    public static LakePath PathOf(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return LakePathResolver.RunFolder(run.Scope, run.RunId).Append(FileName);
    }

    /// <summary>Runs every check.</summary>
    public static async Task<IReadOnlyList<GateResult>> ValidateAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(run);
        string runPath = LakePathResolver.RunRecord(run.Scope, run.RunId).Value;
        var checks = new List<GateResult>
        {
            new("run_succeeded", run.Status == RunStatus.Succeeded ? GateStatus.Pass : GateStatus.Fail, runPath, $"status {run.Status}"),
        };
        LakePath manifest = LakePathResolver.PipelineManifest(run.Scope, run.PipelineId, run.PipelineVersion);
        checks.Add(await lake.GetInfoAsync(manifest, cancellationToken) is null
            ? new("manifest_snapshot", GateStatus.Missing, manifest.Value, "no stored manifest snapshot")
            : new("manifest_snapshot", GateStatus.Pass, manifest.Value, "stored"));

        int outputs = 0, parquet = 0;
        var missing = new List<string>();
        var mismatched = new List<string>();
        foreach (NodeState node in run.Nodes)
        {
            foreach (OutputLocation output in node.Outputs)
            {
                outputs++;
                LakeObject? obj = await lake.TryReadAsync(output.Path, cancellationToken);
                if (obj is null)
                {
                    missing.Add(output.Path.Value);
                    continue;
                }

                if (output.Path.Name.EndsWith(".parquet", StringComparison.Ordinal))
                {
                    parquet++;
                    using ParquetReader reader = ParquetReader.Open(obj.Content, output.Path.Value);
                    LakeTable table = await LakeTableStore.ReadAsync(lake, output.Path, cancellationToken: cancellationToken);
                    if (reader.ContentFingerprint is { } stored && !string.Equals(stored, LakeTableStore.ContentFingerprint(table), StringComparison.Ordinal))
                    {
                        mismatched.Add(output.Path.Value);
                    }
                }
            }
        }

        checks.Add(new("artifacts", outputs == 0 ? GateStatus.Missing : missing.Count == 0 ? GateStatus.Pass : GateStatus.Fail, runPath,
            missing.Count == 0 ? $"{outputs} recorded outputs present" : $"{missing.Count} of {outputs} missing: {string.Join(", ", missing.Take(5))}"));
        checks.Add(new("fingerprints", mismatched.Count == 0 ? GateStatus.Pass : GateStatus.Fail, runPath,
            mismatched.Count == 0 ? $"{parquet} Parquet outputs reproduce their content fingerprint" : $"{mismatched.Count} differ: {string.Join(", ", mismatched.Take(5))}"));

        LakePath ledger = LakePathResolver.AuditLedger(run.Scope, run.RunId);
        AuditVerificationResult verified = await AuditLedgerVerifier.VerifyAsync(lake, ledger, run.AuditHead, cancellationToken);
        checks.Add(new("ledger", verified.IsValid ? GateStatus.Pass : GateStatus.Fail, ledger.Value, verified.IsValid ? $"{verified.EntryCount} entries verify" : verified.Message ?? "broken"));
        return checks;
    }

    /// <summary>Validates and writes <c>validation.json</c> (replacing an earlier one); returns the checks.</summary>
    public static async Task<IReadOnlyList<GateResult>> ValidateAndRecordAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        IReadOnlyList<GateResult> checks = await ValidateAsync(lake, run, cancellationToken);
        var document = new JsonObject
        {
            ["run_id"] = run.RunId.Value,
            ["scope"] = run.Scope.Value,
            ["pipeline"] = run.PipelineId.Value,
            ["version"] = run.PipelineVersion.ToString(),
            ["valid"] = checks.All(c => c.Passed),
            ["checks"] = GateJson.ToJson(checks),
        };
        await lake.WriteAsync(PathOf(run), StageJson.ToBytes(document), LakeWriteMode.Overwrite, cancellationToken);
        return checks;
    }

    /// <summary>Whether <c>validation.json</c> of the run records a valid run (for meta pipelines that pin sleeve runs).</summary>
    public static async Task<bool> IsValidatedAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken) =>
        await ReadRecordAsync(lake, run, cancellationToken) is { } record && record["valid"]?.GetValue<bool>() == true;

    /// <summary>
    /// Why the run is not validated, for an error message: no <c>validation.json</c>, or the checks it records as not
    /// passing (each as <c>check STATUS: detail</c>).
    /// </summary>
    public static async Task<string> DescribeMissingAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        if (await ReadRecordAsync(lake, run, cancellationToken) is not { } record)
        {
            return $"no {FileName} in {LakePathResolver.RunFolder(run.Scope, run.RunId)} (run `quant validate-run {run.RunId}`)";
        }

        var failing = new List<string>();
        foreach (JsonNode? check in record["checks"]?.AsArray() ?? [])
        {
            if (check?["status"]?.GetValue<string>() is { } status && status != GateJson.Name(GateStatus.Pass))
            {
                failing.Add($"{check["gate"]} {status}: {check["detail"]}");
            }
        }

        return $"{PathOf(run)} records it invalid: {(failing.Count > 0 ? string.Join("; ", failing) : "no passing checks recorded")}";
    }

    private static async Task<JsonObject?> ReadRecordAsync(ILakeStore lake, RunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        return await lake.TryReadAsync(PathOf(run), cancellationToken) is { } obj ? JsonNode.Parse(obj.Content.Span) as JsonObject : null;
    }
}
