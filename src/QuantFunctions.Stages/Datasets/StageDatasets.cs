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
        return context.Paths.GoldRun(Sleeve(sleeve), Dataset(dataset));
    }

    /// <summary>The single Parquet part of a gold dataset for the context's run.</summary>
    public static LakePath GoldPart(StageContext context, string sleeve, string dataset)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Paths.GoldPart(Sleeve(sleeve), Dataset(dataset));
    }

    /// <summary>A named file (e.g. <c>allocation.json</c>) of a gold dataset for the context's run.</summary>
    public static LakePath GoldFile(StageContext context, string sleeve, string dataset, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Paths.GoldFile(Sleeve(sleeve), Dataset(dataset), fileName);
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

    private static LakeIdentifier Sleeve(string sleeve) => LakeIdentifier.Parse(sleeve, "sleeve");

    private static LakeIdentifier Dataset(string dataset) => LakeIdentifier.Parse(dataset, "dataset");
}
