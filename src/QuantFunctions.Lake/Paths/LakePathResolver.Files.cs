using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>Named files next to the numbered parts: gold and silver run files, feature blocks, run artifacts, user calendars.</summary>
public static partial class LakePathResolver
{
    private const string CalendarsSegment = "calendars";
    private const string CoveragePrefix = "coverage_";
    private const string RunSegmentKey = "run=";

    /// <summary>The folder of user calendars: <c>_meta/calendars</c>.</summary>
    public static LakePath CalendarsFolder { get; } = LakePath.Parse(MetaLayer + "/" + CalendarsSegment);

    /// <summary>
    /// A named file of one run's output of a gold dataset: <c>gold/{sleeve}/{pipeline_id}/version={v}/{dataset}/run={run_id}/{file}</c>
    /// (e.g. <c>allocation.json</c>, <c>tearsheet.html</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The file name is empty, starts with '.' or has a character outside <c>[a-z0-9_.-]</c>.</exception>
    public static LakePath GoldFile(LakeIdentifier sleeve, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, RunId runId, string fileName) =>
        Join(GoldRun(sleeve, pipelineId, version, dataset, runId), FileSegment(fileName));

    /// <summary>One run's output of a silver dataset (e.g. the health registry): <c>silver/{universe}/{pipeline_id}/version={v}/{dataset}/run={run_id}</c>.</summary>
    public static LakePath SilverRun(LakeIdentifier universe, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, RunId runId) =>
        Join(SilverDataset(universe, pipelineId, version, dataset), RunSegmentKey + Run(runId));

    /// <summary>A named file of a silver run folder: <c>{dataset}/run={run_id}/{file}</c> (e.g. <c>summary.md</c>).</summary>
    /// <exception cref="ArgumentException">The file name is not a valid file segment.</exception>
    public static LakePath SilverRunFile(LakeIdentifier universe, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, RunId runId, string fileName) =>
        Join(SilverRun(universe, pipelineId, version, dataset, runId), FileSegment(fileName));

    /// <summary>A named file of a silver year partition: <c>{dataset}/year=YYYY/{file}</c> (e.g. a feature store block <c>b{built}-{hash}-00000.parquet</c>).</summary>
    /// <exception cref="ArgumentException">The file name is not a valid file segment.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900-9999.</exception>
    public static LakePath SilverFile(LakeIdentifier universe, LakeIdentifier pipelineId, SemVer version, LakeIdentifier dataset, int year, string fileName) =>
        Join(SilverPartition(universe, pipelineId, version, dataset, year), FileSegment(fileName));

    /// <summary>The folder of a run's stage records: <c>_meta/{scope}/runs/{run_id}/stages</c>.</summary>
    /// <exception cref="ArgumentException">The scope is reserved.</exception>
    public static LakePath StagesFolder(LakeIdentifier scope, RunId runId) => Join(RunFolder(scope, runId), StagesSegment);

    /// <summary>
    /// The coverage report of an ingest node: <c>_meta/{scope}/runs/{run_id}/coverage_{node}.json</c>, the node key written
    /// lower-case with every character outside <c>[a-z0-9_]</c> as '_' (<c>dataops.ingest</c> → <c>coverage_dataops_ingest.json</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The scope is reserved.</exception>
    public static LakePath CoverageReport(LakeIdentifier scope, RunId runId, NodeKey node) =>
        Join(RunFolder(scope, runId), CoveragePrefix + CoverageName(node) + JsonExtension);

    /// <summary>A user calendar: <c>_meta/calendars/{id}.json</c>, the id lower-cased (<c>XTAE</c> → <c>xtae.json</c>).</summary>
    /// <exception cref="ArgumentException">The id is not 1-64 characters of <c>[A-Za-z0-9_]</c>.</exception>
    public static LakePath UserCalendar(string calendarId)
    {
        ArgumentNullException.ThrowIfNull(calendarId);
        string id = calendarId.ToLowerInvariant();
        bool ok = id.Length is > 0 and <= LakeIdentifier.MaxLength;
        foreach (char c in id)
        {
            ok &= LakeIdentifier.IsIdentifierChar(c);
        }

        return ok ? Join(CalendarsFolder, id + JsonExtension)
            : throw new ArgumentException($"Invalid calendar id '{calendarId}': 1-{LakeIdentifier.MaxLength} characters of [A-Za-z0-9_].", nameof(calendarId));
    }

    private static string CoverageName(NodeKey node)
    {
        string key = node.Id is null ? throw new ArgumentException("A default (empty) NodeKey cannot be used in a path.", nameof(node)) : node.Value;
        char[] chars = key.ToLowerInvariant().ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = LakeIdentifier.IsIdentifierChar(chars[i]) ? chars[i] : '_';
        }

        return new string(chars);
    }

    private static string FileSegment(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return IsFileSegment(fileName)
            ? fileName
            : throw new ArgumentException($"Invalid file name '{fileName}': one path segment of [a-z0-9_.-], not starting with '.'.", nameof(fileName));
    }

    /// <summary>True for a non-empty segment of <c>[a-z0-9_.-]</c> that does not start with '.'.</summary>
    private static bool IsFileSegment(string segment)
    {
        bool ok = segment.Length > 0 && segment[0] != '.';
        foreach (char c in segment)
        {
            ok &= LakeIdentifier.IsIdentifierChar(c) || c is '.' or '-';
        }

        return ok;
    }
}
