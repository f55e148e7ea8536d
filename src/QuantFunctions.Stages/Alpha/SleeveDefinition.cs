using System.Text.Json;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Sleeves;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.Alpha;

/// <summary>
/// A sleeve as a run sees it: its spec and the DataOps output it reads (pipeline id and version of the
/// silver dataset). <c>alpha.select</c> records it as <c>gold/{sleeve}/…/spec/run={run}/sleeve.json</c>;
/// the sleeve's later stages read it from there, so the manifest states it once.
/// </summary>
/// <param name="Sleeve">The sleeve id.</param>
/// <param name="Spec">What the sleeve trades and how it allocates.</param>
/// <param name="SourcePipeline">The DataOps pipeline whose silver returns are read.</param>
/// <param name="SourceVersion">Its version.</param>
public sealed record SleeveDefinition(string Sleeve, SleeveSpec Spec, string SourcePipeline, string SourceVersion)
{
    private const string SpecDataset = "spec";
    private const string FileName = "sleeve.json";

    /// <summary>Records the definition for the context's run (create-only, idempotent).</summary>
    public Task<LakeObjectInfo> WriteAsync(StageContext context, CancellationToken cancellationToken) =>
        LakeWrites.WriteBytesOnceAsync(context.Lake, PathOf(context, Sleeve), StageJson.ToBytes(this), cancellationToken);

    /// <summary>Reads the definition recorded by <c>alpha.select</c> in the context's run.</summary>
    /// <exception cref="LakeObjectNotFoundException">alpha.select has not run for this sleeve in this run.</exception>
    public static async Task<SleeveDefinition> ReadAsync(StageContext context, string sleeve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await TryReadAsync(context, sleeve, cancellationToken)
            ?? throw new LakeObjectNotFoundException($"Sleeve '{sleeve}' has no definition at {PathOf(context, sleeve)}: run alpha.select for it in run '{context.RunId}' first");
    }

    /// <summary>The sleeve universe's silver returns as known at the run's as-of time (NaN = no observation).</summary>
    public Task<ReturnPanel> ReadUniverseReturnsAsync(StageContext context, CancellationToken cancellationToken) =>
        ReadUniverseReturnsAsync(context, stats: null, cancellationToken);

    /// <summary>
    /// The sleeve universe's silver returns as known at the run's as-of time; row groups whose <c>known_at</c>
    /// statistics prove every row was known after the as-of are skipped, and counted in <paramref name="stats"/>.
    /// </summary>
    public async Task<ReturnPanel> ReadUniverseReturnsAsync(StageContext context, LakeReadStats? stats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LakePath silver = StageDatasets.SilverReturns(Spec.Universe, SourcePipeline, SourceVersion);
        (LakeTable table, _) = await LakeTableStore.ReadDatasetPrunedAsync(
            context.Lake, silver, ReturnsTable.KnownBy(context.AsOf), stats, cancellationToken: cancellationToken);
        return ReturnsTable.ToPanel(table, context.AsOf);
    }

    /// <summary>
    /// The sleeve universe's point-in-time feature store as known at the run's as-of time (rows with known_at ≤ as-of,
    /// each symbol from its newest build), for selection.
    /// </summary>
    /// <exception cref="SelectionException"><c>selection.no_feature_store</c>: no row of the store was known by the as-of
    /// (e.g. <c>dataops.features</c> never ran for the universe); the message names the dataset and the as-of.</exception>
    public async Task<FeatureHistory> ReadFeaturesAsync(StageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LakePath dataset = FeaturesPath();
        LakeTable table = await FeaturesTable.ReadAsOfAsync(context.Lake, dataset, context.AsOf, cancellationToken: cancellationToken);
        if (table.RowCount == 0)
        {
            throw new SelectionException(
                ErrorCodes.NoFeatureStore,
                $"Sleeve '{Sleeve}': no feature store row known by {context.AsOf:yyyy-MM-ddTHH:mm:ssZ} at {dataset}; run dataops.features for universe '{Spec.Universe}' in {SourcePipeline}@{SourceVersion} first.");
        }

        return SelectionFeatures.FromTable(table);
    }

    /// <summary>The silver feature store this sleeve's selection reads.</summary>
    public LakePath FeaturesPath() => FeaturesTable.DatasetPath(Spec.Universe, SourcePipeline, SourceVersion);

    /// <summary>The silver feature store as a stage input.</summary>
    public StageInput FeaturesInput() =>
        new($"silver.{Spec.Universe}.features", LakeIdentifier.Parse(SourcePipeline, "source_pipeline"), SemVer.Parse(SourceVersion, "source_version"), [FeaturesPath()]);

    /// <summary>The silver returns this sleeve reads, as a stage input.</summary>
    public StageInput SilverInput() =>
        new($"silver.{Spec.Universe}.returns", LakeIdentifier.Parse(SourcePipeline, "source_pipeline"), SemVer.Parse(SourceVersion, "source_version"),
            [StageDatasets.SilverReturns(Spec.Universe, SourcePipeline, SourceVersion)]);

    /// <summary>
    /// The inputs of a sleeve stage that runs after <c>alpha.select</c>: the sleeve definition, the given gold
    /// datasets of this run and, with <paramref name="withSilver"/>, the silver returns and features (when the definition exists yet).
    /// </summary>
    public static async Task<IReadOnlyList<StageInput>> InputsAsync(StageContext context, string sleeve, bool withSilver, IReadOnlyList<string> goldDatasets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(goldDatasets);
        var inputs = new List<StageInput> { StageDatasets.GoldInput(context, sleeve, SpecDataset) };
        foreach (string dataset in goldDatasets)
        {
            inputs.Add(StageDatasets.GoldInput(context, sleeve, dataset));
        }

        if (withSilver && await TryReadAsync(context, sleeve, cancellationToken) is { } definition)
        {
            inputs.Add(definition.SilverInput());
            inputs.Add(definition.FeaturesInput());
        }

        return inputs;
    }

    /// <summary>The definition recorded by <c>alpha.select</c> in the context's run, or null when there is none (e.g. a meta-portfolio id).</summary>
    public static async Task<SleeveDefinition?> TryReadAsync(StageContext context, string sleeve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LakePath path = PathOf(context, sleeve);
        LakeObject? obj = await context.Lake.TryReadAsync(path, cancellationToken);
        return obj is null
            ? null
            : JsonSerializer.Deserialize<SleeveDefinition>(obj.Content.Span, StageJson.Options) ?? throw new DatasetSchemaException($"{path}: empty sleeve definition");
    }

    private static LakePath PathOf(StageContext context, string sleeve) => StageDatasets.GoldFile(context, sleeve, SpecDataset, FileName);
}
