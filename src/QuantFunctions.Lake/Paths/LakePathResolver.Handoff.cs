using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>Paths of the DataOps hand-off.</summary>
public static partial class LakePathResolver
{
    private const string LatestFile = "latest.json";

    /// <summary>The latest successful run of a data pipeline: <c>_meta/{scope}/pipelines/{pipeline}/latest.json</c>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved (<c>pipelines</c>, <c>schemas</c>).</exception>
    public static LakePath PipelineLatest(LakeIdentifier scope, LakeIdentifier pipelineId) =>
        Build(MetaLayer, MetaScope(scope), PipelinesSegment, Id(pipelineId), LatestFile);
}
