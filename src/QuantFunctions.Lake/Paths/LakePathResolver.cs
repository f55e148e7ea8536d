using System.Globalization;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>
/// The only builder of lake paths. Every method takes validated, typed parts and returns a
/// <see cref="LakePath"/>; <see cref="Parse"/> reverses the mapping for paths that come from a listing.
/// </summary>
/// <remarks>
/// Grammar (docs/lake.md): <c>raw/</c>, <c>bronze/</c>, <c>silver/</c>, <c>gold/</c>, <c>models/</c>, <c>_meta/</c>;
/// the first segment below each layer is the owning scope; partitions are hive <c>key=value</c> segments.
/// </remarks>
public static partial class LakePathResolver
{
    /// <summary>Root of source-native batches.</summary>
    public static LakePath RawRoot { get; } = LakePath.Parse(RawLayer);

    /// <summary>Root of the append-only bronze layer.</summary>
    public static LakePath BronzeRoot { get; } = LakePath.Parse(BronzeLayer);

    /// <summary>Root of the point-in-time feature store.</summary>
    public static LakePath SilverRoot { get; } = LakePath.Parse(SilverLayer);

    /// <summary>Root of model outputs.</summary>
    public static LakePath GoldRoot { get; } = LakePath.Parse(GoldLayer);

    /// <summary>Root of fitted models.</summary>
    public static LakePath ModelsRoot { get; } = LakePath.Parse(ModelsLayer);

    /// <summary>Root of manifests, run records, ledgers, registries and schemas.</summary>
    public static LakePath MetaRoot { get; } = LakePath.Parse(MetaLayer);

    /// <summary>The folder of one raw ingest day: <c>raw/{market}/{source}/ingest_date=YYYY-MM-DD</c>.</summary>
    public static LakePath RawFolder(LakeIdentifier market, LakeIdentifier source, DateOnly ingestDate) =>
        Build(RawLayer, Id(market), Id(source), "ingest_date=" + ingestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>A raw batch: <c>raw/{market}/{source}/ingest_date=YYYY-MM-DD/{batch}.{json|csv}</c>.</summary>
    public static LakePath RawBatch(LakeIdentifier market, LakeIdentifier source, DateOnly ingestDate, LakeIdentifier batch, RawFormat format) =>
        Join(RawFolder(market, source, ingestDate), Id(batch) + Extension(format));

    /// <summary>A bronze dataset at one interval: <c>bronze/{market}/{product}/{dataset}/schema=vN/interval={i}</c>.</summary>
    public static LakePath BronzeDataset(LakeIdentifier market, LakeIdentifier product, LakeIdentifier dataset, SchemaVersion schema, BarInterval interval) =>
        Build(BronzeLayer, Id(market), Id(product), Id(dataset), "schema=" + Token(schema), "interval=" + Token(interval));

    /// <summary>
    /// A bronze partition folder: <c>…/year=YYYY</c> for daily bars, <c>…/year=YYYY/month=MM</c> for intraday bars.
    /// </summary>
    /// <exception cref="ArgumentException">A month is given for daily bars or missing for intraday bars.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900-9999 or the month outside 1-12.</exception>
    public static LakePath BronzePartition(LakeIdentifier market, LakeIdentifier product, LakeIdentifier dataset, SchemaVersion schema, BarInterval interval, int year, int? month = null)
    {
        LakePath folder = Join(BronzeDataset(market, product, dataset, schema, interval), YearSegment(year));
        if (interval.IsIntraday != month.HasValue)
        {
            throw new ArgumentException(
                interval.IsIntraday
                    ? $"Interval {interval} is intraday: its bronze partitions need a month."
                    : $"Interval {interval} is daily: its bronze partitions are by year only, got month {month}.",
                nameof(month));
        }

        return month is int m ? Join(folder, MonthSegment(m)) : folder;
    }

    /// <summary>A bronze part: <c>{partition}/part-{batch}.parquet</c>.</summary>
    /// <exception cref="ArgumentException">See <see cref="BronzePartition"/>.</exception>
    public static LakePath BronzePart(LakeIdentifier market, LakeIdentifier product, LakeIdentifier dataset, SchemaVersion schema, BarInterval interval, int year, int? month, LakeIdentifier batch) =>
        Join(BronzePartition(market, product, dataset, schema, interval, year, month), PartPrefix + Id(batch) + ParquetExtension);

    /// <summary>A silver dataset: <c>silver/{universe}/{pipeline_id}/version={v}/{dataset}</c>.</summary>
    public static LakePath SilverDataset(LakeIdentifier universe, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset) =>
        Build(SilverLayer, Id(universe), Id(pipelineId), VersionSegment(version), Id(dataset));

    /// <summary>A silver year partition: <c>{dataset}/year=YYYY</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900-9999.</exception>
    public static LakePath SilverPartition(LakeIdentifier universe, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, int year) =>
        Join(SilverDataset(universe, pipelineId, version, dataset), YearSegment(year));

    /// <summary>A silver part: <c>{dataset}/year=YYYY/part-NNNNN.parquet</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range or the part index negative.</exception>
    public static LakePath SilverPart(LakeIdentifier universe, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, int year, int partIndex) =>
        Join(SilverPartition(universe, pipelineId, version, dataset, year), PartFileName(partIndex));

    /// <summary>A gold dataset: <c>gold/{sleeve}/{pipeline_id}/version={v}/{dataset}</c>.</summary>
    public static LakePath GoldDataset(LakeIdentifier sleeve, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset) =>
        Build(GoldLayer, Id(sleeve), Id(pipelineId), VersionSegment(version), Id(dataset));

    /// <summary>One run's output of a gold dataset: <c>{dataset}/run={run_id}</c>.</summary>
    public static LakePath GoldRun(LakeIdentifier sleeve, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, RunId runId) =>
        Join(GoldDataset(sleeve, pipelineId, version, dataset), "run=" + Run(runId));

    /// <summary>A gold part: <c>{dataset}/run={run_id}/part-NNNNN.parquet</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The part index is negative.</exception>
    public static LakePath GoldPart(LakeIdentifier sleeve, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, RunId runId, int partIndex) =>
        Join(GoldRun(sleeve, pipelineId, version, dataset, runId), PartFileName(partIndex));

    /// <summary>A fitted model's folder: <c>models/{sleeve}/{model_id}/version={model_version}</c>.</summary>
    public static LakePath Model(LakeIdentifier sleeve, LakeIdentifier modelId, SemVer modelVersion) =>
        Build(ModelsLayer, Id(sleeve), Id(modelId), VersionSegment(modelVersion));

    /// <summary>A file inside a model's folder, e.g. <c>weights.parquet</c> or <c>fit/params.json</c>.</summary>
    /// <exception cref="ArgumentException">The relative path is empty or has a segment outside <c>[a-z0-9_.-]</c>.</exception>
    public static LakePath ModelArtifact(LakeIdentifier sleeve, LakeIdentifier modelId, SemVer modelVersion, string relative) =>
        Join(Model(sleeve, modelId, modelVersion), ValidateRelative(relative));

    /// <summary>A pipeline manifest: <c>_meta/pipelines/{scope}/{pipeline_id}/version={v}/manifest.json</c>.</summary>
    public static LakePath PipelineManifest(LakeIdentifier scope, LakeIdentifier pipelineId, SemVer version) =>
        Build(MetaLayer, PipelinesSegment, Id(scope), Id(pipelineId), VersionSegment(version), ManifestFile);

    /// <summary>A run's metadata folder: <c>_meta/{scope}/runs/{run_id}</c>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved (<c>pipelines</c>, <c>schemas</c>).</exception>
    public static LakePath RunFolder(LakeIdentifier scope, RunId runId) =>
        Build(MetaLayer, MetaScope(scope), RunsSegment, Run(runId));

    /// <summary>The run record: <c>_meta/{scope}/runs/{run_id}/run.json</c>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved.</exception>
    public static LakePath RunRecord(LakeIdentifier scope, RunId runId) => Join(RunFolder(scope, runId), RunFile);

    /// <summary>A stage record: <c>_meta/{scope}/runs/{run_id}/stages/{node}/stage.json</c>, the node encoded by <see cref="NodeKey.ToPathSegment"/>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved.</exception>
    public static LakePath StageRecord(LakeIdentifier scope, RunId runId, NodeKey node) =>
        Join(RunFolder(scope, runId), StagesSegment + "/" + Node(node) + "/" + StageFile);

    /// <summary>The audit ledger: <c>_meta/{scope}/runs/{run_id}/audit.jsonl</c>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved.</exception>
    public static LakePath AuditLedger(LakeIdentifier scope, RunId runId) => Join(RunFolder(scope, runId), AuditFile);

    /// <summary>The forensic trace: <c>_meta/{scope}/runs/{run_id}/forensic_trace.json</c>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved.</exception>
    public static LakePath ForensicTrace(LakeIdentifier scope, RunId runId) => Join(RunFolder(scope, runId), TraceFile);

    /// <summary>The run's index: <c>_meta/{scope}/runs/{run_id}/INDEX.md</c>.</summary>
    public static LakePath RunIndex(LakeIdentifier scope, RunId runId) => Join(RunFolder(scope, runId), IndexFile);

    /// <summary>A model registry: <c>_meta/{scope}/models/{model_id}/registry.json</c>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved.</exception>
    public static LakePath ModelRegistry(LakeIdentifier scope, LakeIdentifier modelId) =>
        Build(MetaLayer, MetaScope(scope), ModelsSegment, Id(modelId), RegistryFile);

    /// <summary>A dataset schema document: <c>_meta/schemas/{dataset}/schema=vN.json</c>.</summary>
    public static LakePath Schema(LakeIdentifier dataset, SchemaVersion schema) =>
        Build(MetaLayer, SchemasSegment, Id(dataset), "schema=" + Token(schema) + JsonExtension);

    /// <summary>Builds the path of a parsed or hand-made <see cref="LakeLocation"/>.</summary>
    /// <exception cref="ArgumentException">A part the kind needs is missing or invalid.</exception>
    public static LakePath Resolve(LakeLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Kind switch
        {
            LakeObjectKind.RawBatch => RawBatch(Need(location.Scope), Need(location.Source), Need(location.IngestDate), Need(location.Batch), Need(location.Format)),
            LakeObjectKind.BronzePart => BronzePart(Need(location.Scope), Need(location.Product), Need(location.Dataset), Need(location.SchemaVersion), Need(location.Interval), Need(location.Year), location.Month, Need(location.Batch)),
            LakeObjectKind.SilverPart => SilverPart(Need(location.Scope), Need(location.PipelineId), Need(location.Version), Need(location.Dataset), Need(location.Year), Need(location.PartIndex)),
            LakeObjectKind.GoldPart => GoldPart(Need(location.Scope), Need(location.PipelineId), Need(location.Version), Need(location.Dataset), Need(location.RunId), Need(location.PartIndex)),
            LakeObjectKind.ModelArtifact => ModelArtifact(Need(location.Scope), Need(location.ModelId), Need(location.Version), NeedName(location)),
            LakeObjectKind.PipelineManifest => PipelineManifest(Need(location.Scope), Need(location.PipelineId), Need(location.Version)),
            LakeObjectKind.RunRecord => RunRecord(Need(location.Scope), Need(location.RunId)),
            LakeObjectKind.StageRecord => StageRecord(Need(location.Scope), Need(location.RunId), Need(location.Node)),
            LakeObjectKind.AuditLedger => AuditLedger(Need(location.Scope), Need(location.RunId)),
            LakeObjectKind.ForensicTrace => ForensicTrace(Need(location.Scope), Need(location.RunId)),
            LakeObjectKind.RunIndex => RunIndex(Need(location.Scope), Need(location.RunId)),
            LakeObjectKind.ModelRegistry => ModelRegistry(Need(location.Scope), Need(location.ModelId)),
            LakeObjectKind.Schema => Schema(Need(location.Dataset), Need(location.SchemaVersion)),
            LakeObjectKind.GoldFile => GoldFile(Need(location.Scope), Need(location.PipelineId), Need(location.Version), Need(location.Dataset), Need(location.RunId), NeedName(location)),
            LakeObjectKind.SilverFile => SilverFile(Need(location.Scope), Need(location.PipelineId), Need(location.Version), Need(location.Dataset), Need(location.Year), NeedName(location)),
            LakeObjectKind.SilverRunFile => SilverRunFile(Need(location.Scope), Need(location.PipelineId), Need(location.Version), Need(location.Dataset), Need(location.RunId), NeedName(location)),
            LakeObjectKind.CoverageReport => CoverageReport(Need(location.Scope), Need(location.RunId), Need(location.Node)),
            LakeObjectKind.PipelineLatest => PipelineLatest(Need(location.Scope), Need(location.PipelineId)),
            LakeObjectKind.UserCalendar => UserCalendar(location.Calendar ?? throw Missing(nameof(LakeLocation.Calendar))),
            _ => throw new ArgumentException($"Unknown lake object kind {location.Kind}.", nameof(location)),
        };
    }

    private static T Need<T>(T? value) where T : struct => value ?? throw Missing(typeof(T).Name);

    private static string NeedName(LakeLocation location) => location.Relative ?? throw Missing(nameof(LakeLocation.Relative));

    private static ArgumentException Missing(string part) =>
        new($"The lake location lacks its {part}, which its kind requires.", nameof(part));

    private static string Id(LakeIdentifier identifier) =>
        identifier.Value ?? throw new ArgumentException("A default (empty) LakeIdentifier cannot be used in a path.", nameof(identifier));

    private static string Run(RunId runId) =>
        runId.Value ?? throw new ArgumentException("A default (empty) RunId cannot be used in a path.", nameof(runId));

    private static string Node(NodeKey node) =>
        node.Id is null ? throw new ArgumentException("A default (empty) NodeKey cannot be used in a path.", nameof(node)) : node.ToPathSegment();

    private static string Token(SchemaVersion schema) =>
        schema.Number >= 1 ? schema.Token : throw new ArgumentException("A default SchemaVersion cannot be used in a path.", nameof(schema));

    private static string Token(BarInterval interval) =>
        interval.Token ?? throw new ArgumentException("A default BarInterval cannot be used in a path.", nameof(interval));

    private static string MetaScope(LakeIdentifier scope)
    {
        string value = Id(scope);
        if (value is PipelinesSegment or SchemasSegment)
        {
            throw new ArgumentException($"Invalid scope '{value}': '{PipelinesSegment}' and '{SchemasSegment}' are reserved under _meta/.", nameof(scope));
        }

        return value;
    }

    private static string VersionSegment(SemVer version) => "version=" + version;

    private static string YearSegment(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return "year=" + year.ToString("D4", CultureInfo.InvariantCulture);
    }

    private static string MonthSegment(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return "month=" + month.ToString("D2", CultureInfo.InvariantCulture);
    }

    private static string PartFileName(int partIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partIndex);
        return PartPrefix + partIndex.ToString("D5", CultureInfo.InvariantCulture) + ParquetExtension;
    }

    private static string Extension(RawFormat format) => format switch
    {
        RawFormat.Json => JsonExtension,
        RawFormat.Csv => ".csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Raw batches are .json or .csv."),
    };

    private static string ValidateRelative(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        string[] segments = relative.Split('/');
        foreach (string segment in segments)
        {
            if (!IsFileSegment(segment))
            {
                throw new ArgumentException(
                    $"Invalid model artifact path '{relative}': segments are non-empty [a-z0-9_.-] and do not start with '.'.",
                    nameof(relative));
            }
        }

        return relative;
    }

    private static LakePath Build(params ReadOnlySpan<string> segments) => LakePath.Parse(string.Join('/', segments));

    private static LakePath Join(LakePath folder, string tail) => LakePath.Parse(folder.Value + "/" + tail);
}
