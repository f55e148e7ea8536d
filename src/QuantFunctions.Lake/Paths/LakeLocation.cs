namespace QuantFunctions.Lake.Paths;

/// <summary>
/// The typed parts of a lake object path (see <see cref="LakePathResolver.Parse"/>); only the parts the
/// <see cref="Kind"/> uses are set. <see cref="LakePathResolver.Resolve"/> turns it back into the path.
/// </summary>
public sealed record LakeLocation
{
    /// <summary>What the path addresses.</summary>
    public required LakeObjectKind Kind { get; init; }

    /// <summary>The owning scope: the market (raw, bronze), universe (silver), sleeve (gold, models) or <c>_meta</c> scope.</summary>
    public LakeIdentifier? Scope { get; init; }

    /// <summary>The source of a raw batch.</summary>
    public LakeIdentifier? Source { get; init; }

    /// <summary>The ingest date of a raw batch.</summary>
    public DateOnly? IngestDate { get; init; }

    /// <summary>The batch of a raw file or bronze part.</summary>
    public LakeIdentifier? Batch { get; init; }

    /// <summary>The format of a raw batch.</summary>
    public RawFormat? Format { get; init; }

    /// <summary>The bronze product (e.g. <c>spot</c>).</summary>
    public LakeIdentifier? Product { get; init; }

    /// <summary>The dataset (bronze, silver, gold, schema).</summary>
    public LakeIdentifier? Dataset { get; init; }

    /// <summary>The schema version (bronze, schema documents).</summary>
    public SchemaVersion? SchemaVersion { get; init; }

    /// <summary>The bar interval (bronze).</summary>
    public BarInterval? Interval { get; init; }

    /// <summary>The year partition (bronze, silver).</summary>
    public int? Year { get; init; }

    /// <summary>The month partition (intraday bronze).</summary>
    public int? Month { get; init; }

    /// <summary>The pipeline id (silver, gold, manifests).</summary>
    public LakeIdentifier? PipelineId { get; init; }

    /// <summary>The pipeline or model version.</summary>
    public SemVer? Version { get; init; }

    /// <summary>The run id (gold parts, run metadata).</summary>
    public RunId? RunId { get; init; }

    /// <summary>The node of a stage record.</summary>
    public NodeKey? Node { get; init; }

    /// <summary>The model id (model artifacts, registries).</summary>
    public LakeIdentifier? ModelId { get; init; }

    /// <summary>The part number of a silver or gold part file.</summary>
    public int? PartIndex { get; init; }

    /// <summary>The path of a model artifact below its version folder, or the name of a named gold or silver file.</summary>
    public string? Relative { get; init; }

    /// <summary>The id of a user calendar, lower-case (<c>[a-z0-9_]</c>).</summary>
    public string? Calendar { get; init; }
}
