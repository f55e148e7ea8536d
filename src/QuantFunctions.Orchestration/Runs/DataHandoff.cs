namespace QuantFunctions.Orchestration.Runs;

/// <summary>
/// What a successful DataOps run hands to model pipelines (<c>_meta/{scope}/pipelines/{pipeline}/latest.json</c>):
/// the run id, its as-of, and the fingerprint of every dataset it read and wrote.
/// </summary>
public sealed record DataHandoff
{
    /// <summary>The data run.</summary>
    public required string RunId { get; init; }

    /// <summary>Its scope.</summary>
    public required string Scope { get; init; }

    /// <summary>The pipeline id.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The pipeline version.</summary>
    public required string Version { get; init; }

    /// <summary>The run's as-of.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The manifest hash of the run.</summary>
    public required string ManifestHash { get; init; }

    /// <summary>Dataset → fingerprint hash: the run record's inputs (by name) and every silver folder the run wrote (by lake path), ordinal order.</summary>
    public required SortedDictionary<string, string> Fingerprints { get; init; }
}
