using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Datasets;

/// <summary>Lake locations of the datasets the shipped stages exchange, all built by <see cref="LakePathResolver"/>.</summary>
public static class StageDatasets
{
    /// <summary>Product segment of spot bars in bronze.</summary>
    public static LakeIdentifier SpotProduct { get; } = LakeIdentifier.Parse("spot");

    /// <summary>The silver returns dataset of a universe written by a DataOps pipeline.</summary>
    public static LakePath SilverReturns(string universe, string pipelineId, string version) =>
        LakePathResolver.SilverDataset(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(pipelineId, "pipeline id"), SemVer.Parse(version), LakeIdentifier.Parse(ReturnsTable.Dataset));

    /// <summary>A gold dataset of a sleeve for the context's run (folder <c>run={run_id}</c>).</summary>
    public static LakePath GoldRun(StageContext context, string sleeve, string dataset)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LakePathResolver.GoldRun(
            LakeIdentifier.Parse(sleeve, "sleeve"), LakeIdentifier.Parse(context.PipelineId, "pipeline id"), SemVer.Parse(context.PipelineVersion),
            LakeIdentifier.Parse(dataset, "dataset"), RunId.Parse(context.RunId));
    }

    /// <summary>The single Parquet part of a gold dataset for the context's run.</summary>
    public static LakePath GoldPart(StageContext context, string sleeve, string dataset)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LakePathResolver.GoldPart(
            LakeIdentifier.Parse(sleeve, "sleeve"), LakeIdentifier.Parse(context.PipelineId, "pipeline id"), SemVer.Parse(context.PipelineVersion),
            LakeIdentifier.Parse(dataset, "dataset"), RunId.Parse(context.RunId), 0);
    }

    /// <summary>The sleeve a node works on: its for_each item, else the given parameter.</summary>
    /// <exception cref="ArgumentException">Neither is set.</exception>
    public static string SleeveOf(StageContext context, string? parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ForEachItem ?? parameter
            ?? throw new ArgumentException($"node '{context.NodeKey}': no sleeve (the node has no for_each item and no 'sleeve' parameter)");
    }

    /// <summary>A gold dataset of this run as a stage input.</summary>
    public static StageInput GoldInput(StageContext context, string sleeve, string dataset)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new StageInput($"gold.{sleeve}.{dataset}", context.PipelineId, context.PipelineVersion, [GoldRun(context, sleeve, dataset)]);
    }
}
