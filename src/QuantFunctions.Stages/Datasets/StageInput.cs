using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Stages.Datasets;

/// <summary>A dataset a stage reads: a name for the run record, the pipeline that wrote it, and the partitions (folders or objects) read.</summary>
/// <param name="Name">Name in the run record (e.g. <c>silver.returns</c>).</param>
/// <param name="PipelineId">The pipeline whose manifest the data was written under.</param>
/// <param name="PipelineVersion">Its version.</param>
/// <param name="Partitions">The folders or objects read.</param>
public sealed record StageInput(string Name, LakeIdentifier PipelineId, SemVer PipelineVersion, IReadOnlyList<LakePath> Partitions);
