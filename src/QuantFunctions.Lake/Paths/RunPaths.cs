using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>
/// The lake paths of one run of one pipeline version — what a stage writes and reads for its run — each built by
/// <see cref="LakePathResolver"/> from the run's scope, pipeline id, version and run id.
/// </summary>
/// <param name="Scope">The pipeline's scope (its <c>_meta/{scope}</c> folder).</param>
/// <param name="PipelineId">The pipeline id (the <c>{pipeline_id}</c> of its silver and gold paths).</param>
/// <param name="PipelineVersion">The pipeline version (<c>version={v}</c>).</param>
/// <param name="RunId">The run (<c>run={run_id}</c>, <c>_meta/{scope}/runs/{run_id}</c>).</param>
public sealed record RunPaths(LakeIdentifier Scope, LakeIdentifier PipelineId, SemVer PipelineVersion, RunId RunId)
{
    /// <summary>The run's metadata folder: <c>_meta/{scope}/runs/{run_id}</c>.</summary>
    public LakePath RunFolder => LakePathResolver.RunFolder(Scope, RunId);

    /// <summary>The coverage report of an ingest node of the run: <c>_meta/{scope}/runs/{run_id}/coverage_{node}.json</c>.</summary>
    public LakePath CoverageReport(NodeKey node) => LakePathResolver.CoverageReport(Scope, RunId, node);

    /// <summary>The run's output of a gold dataset: <c>gold/{sleeve}/{pipeline_id}/version={v}/{dataset}/run={run_id}</c>.</summary>
    public LakePath GoldRun(LakeIdentifier sleeve, LakeIdentifier dataset) =>
        LakePathResolver.GoldRun(sleeve, PipelineId, PipelineVersion, dataset, RunId);

    /// <summary>A part of the run's output of a gold dataset: <c>…/run={run_id}/part-NNNNN.parquet</c>.</summary>
    public LakePath GoldPart(LakeIdentifier sleeve, LakeIdentifier dataset, int partIndex = 0) =>
        LakePathResolver.GoldPart(sleeve, PipelineId, PipelineVersion, dataset, RunId, partIndex);

    /// <summary>A named file of the run's output of a gold dataset: <c>…/run={run_id}/{file}</c>.</summary>
    /// <exception cref="ArgumentException">The file name is not one segment of <c>[a-z0-9_.-]</c>.</exception>
    public LakePath GoldFile(LakeIdentifier sleeve, LakeIdentifier dataset, string fileName) =>
        LakePathResolver.GoldFile(sleeve, PipelineId, PipelineVersion, dataset, RunId, fileName);

    /// <summary>A silver dataset of this pipeline version: <c>silver/{universe}/{pipeline_id}/version={v}/{dataset}</c>.</summary>
    public LakePath SilverDataset(LakeIdentifier universe, LakeIdentifier dataset) =>
        LakePathResolver.SilverDataset(universe, PipelineId, PipelineVersion, dataset);

    /// <summary>A part of a silver year partition of this pipeline version: <c>{dataset}/year=YYYY/part-NNNNN.parquet</c>.</summary>
    public LakePath SilverPart(LakeIdentifier universe, LakeIdentifier dataset, int year, int partIndex = 0) =>
        LakePathResolver.SilverPart(universe, PipelineId, PipelineVersion, dataset, year, partIndex);

    /// <summary>A named file of a silver year partition of this pipeline version: <c>{dataset}/year=YYYY/{file}</c>.</summary>
    public LakePath SilverFile(LakeIdentifier universe, LakeIdentifier dataset, int year, string fileName) =>
        LakePathResolver.SilverFile(universe, PipelineId, PipelineVersion, dataset, year, fileName);

    /// <summary>The run's output of a silver dataset: <c>{dataset}/run={run_id}</c>.</summary>
    public LakePath SilverRun(LakeIdentifier universe, LakeIdentifier dataset) =>
        LakePathResolver.SilverRun(universe, PipelineId, PipelineVersion, dataset, RunId);

    /// <summary>A named file of the run's output of a silver dataset: <c>{dataset}/run={run_id}/{file}</c>.</summary>
    public LakePath SilverRunFile(LakeIdentifier universe, LakeIdentifier dataset, string fileName) =>
        LakePathResolver.SilverRunFile(universe, PipelineId, PipelineVersion, dataset, RunId, fileName);

    /// <summary>The stored manifest of a pipeline version of the run's scope: <c>_meta/pipelines/{scope}/{pipeline_id}/version={v}/manifest.json</c>.</summary>
    public LakePath Manifest(LakeIdentifier pipelineId, SemVer version) => LakePathResolver.PipelineManifest(Scope, pipelineId, version);
}
