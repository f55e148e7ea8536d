using System.Globalization;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>Parsing of lake paths back into their typed parts.</summary>
public static partial class LakePathResolver
{
    private const string RawLayer = "raw";
    private const string BronzeLayer = "bronze";
    private const string SilverLayer = "silver";
    private const string GoldLayer = "gold";
    private const string ModelsLayer = "models";
    private const string MetaLayer = "_meta";
    private const string PipelinesSegment = "pipelines";
    private const string SchemasSegment = "schemas";
    private const string RunsSegment = "runs";
    private const string StagesSegment = "stages";
    private const string ModelsSegment = "models";
    private const string ManifestFile = "manifest.json";
    private const string RunFile = "run.json";
    private const string StageFile = "stage.json";
    private const string AuditFile = "audit.jsonl";
    private const string TraceFile = "forensic_trace.json";
    private const string IndexFile = "INDEX.md";
    private const string RegistryFile = "registry.json";
    private const string PartPrefix = "part-";
    private const string ParquetExtension = ".parquet";
    private const string JsonExtension = ".json";
    private const int MinYear = 1900;
    private const int MaxYear = 9999;

    /// <summary>Parses an object path into its typed parts.</summary>
    /// <exception cref="LakePathFormatException">The path does not follow the lake grammar; the message says which segment.</exception>
    public static LakeLocation Parse(LakePath path)
    {
        string[] s = path.IsRoot ? [] : path.Value.Split('/');
        try
        {
            LakeLocation location = s.Length == 0 ? throw Bad("empty path") : s[0] switch
            {
                RawLayer => ParseRaw(s),
                BronzeLayer => ParseBronze(s),
                SilverLayer => ParseSilver(s),
                GoldLayer => ParseGold(s),
                ModelsLayer => ParseModel(s),
                MetaLayer => ParseMeta(s),
                _ => throw Bad($"unknown layer '{s[0]}' (expected raw, bronze, silver, gold, models or _meta)"),
            };

            // The grammar is canonical: re-building must give the same text (rejects e.g. year=24 or month=1).
            LakePath canonical = Resolve(location);
            return canonical == path ? location : throw Bad($"not in canonical form (expected '{canonical}')");
        }
        catch (ArgumentException e)
        {
            throw new LakePathFormatException($"Invalid lake path '{path}': {e.Message}", path, e);
        }
    }

    /// <summary>Parses without throwing; null when the path does not follow the grammar (e.g. a foreign file).</summary>
    public static LakeLocation? TryParse(LakePath path)
    {
        try
        {
            return Parse(path);
        }
        catch (LakePathFormatException)
        {
            return null;
        }
    }

    private static LakeLocation ParseRaw(string[] s)
    {
        Expect(s, 5, "raw/{market}/{source}/ingest_date=YYYY-MM-DD/{batch}.{json|csv}");
        string date = Hive(s[3], "ingest_date");
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly ingestDate))
        {
            throw Bad($"ingest_date '{date}' is not YYYY-MM-DD");
        }

        (string batch, RawFormat format) = s[4] switch
        {
            string f when f.EndsWith(JsonExtension, StringComparison.Ordinal) => (f[..^JsonExtension.Length], RawFormat.Json),
            string f when f.EndsWith(".csv", StringComparison.Ordinal) => (f[..^4], RawFormat.Csv),
            _ => throw Bad($"raw file '{s[4]}' is not {{batch}}.json or {{batch}}.csv"),
        };
        return new LakeLocation
        {
            Kind = LakeObjectKind.RawBatch,
            Scope = LakeIdentifier.Parse(s[1], "market"),
            Source = LakeIdentifier.Parse(s[2], "source"),
            IngestDate = ingestDate,
            Batch = LakeIdentifier.Parse(batch, "batch"),
            Format = format,
        };
    }

    private static LakeLocation ParseBronze(string[] s)
    {
        if (s.Length is not (8 or 9))
        {
            throw Bad("expected bronze/{market}/{product}/{dataset}/schema=vN/interval={1d|4h|1h}/year=YYYY[/month=MM]/part-{batch}.parquet");
        }

        return new LakeLocation
        {
            Kind = LakeObjectKind.BronzePart,
            Scope = LakeIdentifier.Parse(s[1], "market"),
            Product = LakeIdentifier.Parse(s[2], "product"),
            Dataset = LakeIdentifier.Parse(s[3], "dataset"),
            SchemaVersion = Paths.SchemaVersion.Parse(Hive(s[4], "schema")),
            Interval = BarInterval.Parse(Hive(s[5], "interval")),
            Year = Number(Hive(s[6], "year"), "year"),
            Month = s.Length == 9 ? Number(Hive(s[7], "month"), "month") : null,
            Batch = LakeIdentifier.Parse(PartName(s[^1]), "batch"),
        };
    }

    private static LakeLocation ParseSilver(string[] s)
    {
        Expect(s, 7, "silver/{universe}/{pipeline_id}/version={v}/{dataset}/{year=YYYY|run={run_id}}/{part-NNNNN.parquet|file}");
        var location = new LakeLocation
        {
            Kind = LakeObjectKind.SilverPart,
            Scope = LakeIdentifier.Parse(s[1], "universe"),
            PipelineId = LakeIdentifier.Parse(s[2], "pipeline id"),
            Version = SemVer.Parse(Hive(s[3], "version")),
            Dataset = LakeIdentifier.Parse(s[4], "dataset"),
        };
        if (s[5].StartsWith(RunSegmentKey, StringComparison.Ordinal))
        {
            return location with { Kind = LakeObjectKind.SilverRunFile, RunId = Paths.RunId.Parse(Hive(s[5], "run")), Relative = s[6] };
        }

        location = location with { Year = Number(Hive(s[5], "year"), "year") };
        return IsPartFile(s[6])
            ? location with { PartIndex = Number(PartName(s[6]), "part number") }
            : location with { Kind = LakeObjectKind.SilverFile, Relative = s[6] };
    }

    private static LakeLocation ParseGold(string[] s)
    {
        Expect(s, 7, "gold/{sleeve}/{pipeline_id}/version={v}/{dataset}/run={run_id}/{part-NNNNN.parquet|file}");
        var location = new LakeLocation
        {
            Kind = LakeObjectKind.GoldPart,
            Scope = LakeIdentifier.Parse(s[1], "sleeve"),
            PipelineId = LakeIdentifier.Parse(s[2], "pipeline id"),
            Version = SemVer.Parse(Hive(s[3], "version")),
            Dataset = LakeIdentifier.Parse(s[4], "dataset"),
            RunId = Paths.RunId.Parse(Hive(s[5], "run")),
        };
        return IsPartFile(s[6])
            ? location with { PartIndex = Number(PartName(s[6]), "part number") }
            : location with { Kind = LakeObjectKind.GoldFile, Relative = s[6] };
    }

    private static LakeLocation ParseModel(string[] s)
    {
        if (s.Length < 5)
        {
            throw Bad("expected models/{sleeve}/{model_id}/version={model_version}/...");
        }

        return new LakeLocation
        {
            Kind = LakeObjectKind.ModelArtifact,
            Scope = LakeIdentifier.Parse(s[1], "sleeve"),
            ModelId = LakeIdentifier.Parse(s[2], "model id"),
            Version = SemVer.Parse(Hive(s[3], "version"), "model version"),
            Relative = string.Join('/', s, 4, s.Length - 4),
        };
    }

    private static LakeLocation ParseMeta(string[] s)
    {
        if (s.Length == 6 && s[1] == PipelinesSegment && s[5] == ManifestFile)
        {
            return new LakeLocation
            {
                Kind = LakeObjectKind.PipelineManifest,
                Scope = LakeIdentifier.Parse(s[2], "scope"),
                PipelineId = LakeIdentifier.Parse(s[3], "pipeline id"),
                Version = SemVer.Parse(Hive(s[4], "version")),
            };
        }

        if (s.Length == 4 && s[1] == SchemasSegment && s[3].EndsWith(JsonExtension, StringComparison.Ordinal))
        {
            return new LakeLocation
            {
                Kind = LakeObjectKind.Schema,
                Dataset = LakeIdentifier.Parse(s[2], "dataset"),
                SchemaVersion = Paths.SchemaVersion.Parse(Hive(s[3][..^JsonExtension.Length], "schema")),
            };
        }

        if (s.Length == 3 && s[1] == CalendarsSegment && s[2].EndsWith(JsonExtension, StringComparison.Ordinal))
        {
            return new LakeLocation { Kind = LakeObjectKind.UserCalendar, Calendar = s[2][..^JsonExtension.Length] };
        }

        if (s.Length == 5 && s[2] == PipelinesSegment && s[4] == LatestFile)
        {
            return new LakeLocation { Kind = LakeObjectKind.PipelineLatest, Scope = LakeIdentifier.Parse(s[1], "scope"), PipelineId = LakeIdentifier.Parse(s[3], "pipeline id") };
        }

        if (s.Length == 5 && s[2] == ModelsSegment && s[4] == RegistryFile)
        {
            return new LakeLocation { Kind = LakeObjectKind.ModelRegistry, Scope = LakeIdentifier.Parse(s[1], "scope"), ModelId = LakeIdentifier.Parse(s[3], "model id") };
        }

        if (s.Length >= 5 && s[2] == RunsSegment)
        {
            LakeIdentifier scope = LakeIdentifier.Parse(s[1], "scope");
            RunId runId = Paths.RunId.Parse(s[3]);
            LakeObjectKind? kind = s.Length == 5 ? s[4] switch
            {
                RunFile => LakeObjectKind.RunRecord,
                AuditFile => LakeObjectKind.AuditLedger,
                TraceFile => LakeObjectKind.ForensicTrace,
                IndexFile => LakeObjectKind.RunIndex,
                _ => null,
            } : null;
            if (kind is not null)
            {
                return new LakeLocation { Kind = kind.Value, Scope = scope, RunId = runId };
            }

            if (s.Length == 5 && s[4].StartsWith(CoveragePrefix, StringComparison.Ordinal) && s[4].EndsWith(JsonExtension, StringComparison.Ordinal))
            {
                return new LakeLocation { Kind = LakeObjectKind.CoverageReport, Scope = scope, RunId = runId, Node = NodeKey.Parse(s[4][CoveragePrefix.Length..^JsonExtension.Length]) };
            }

            if (s.Length == 7 && s[4] == StagesSegment && s[6] == StageFile)
            {
                return new LakeLocation { Kind = LakeObjectKind.StageRecord, Scope = scope, RunId = runId, Node = NodeKey.FromPathSegment(s[5]) };
            }
        }

        throw Bad("not a known _meta object (manifest.json, run.json, stages/{node}/stage.json, audit.jsonl, forensic_trace.json, coverage_{node}.json, pipelines/{id}/latest.json, registry.json, schema=vN.json, calendars/{id}.json)");
    }

    private static void Expect(string[] s, int count, string grammar)
    {
        if (s.Length != count)
        {
            throw Bad("expected " + grammar);
        }
    }

    private static string Hive(string segment, string key)
    {
        string prefix = key + "=";
        return segment.StartsWith(prefix, StringComparison.Ordinal)
            ? segment[prefix.Length..]
            : throw Bad($"segment '{segment}' should be {key}=…");
    }

    private static bool IsPartFile(string file) =>
        file.StartsWith(PartPrefix, StringComparison.Ordinal) && file.EndsWith(ParquetExtension, StringComparison.Ordinal);

    private static string PartName(string file) =>
        file.StartsWith(PartPrefix, StringComparison.Ordinal) && file.EndsWith(ParquetExtension, StringComparison.Ordinal) && file.Length > PartPrefix.Length + ParquetExtension.Length
            ? file[PartPrefix.Length..^ParquetExtension.Length]
            : throw Bad($"file '{file}' should be part-….parquet");

    private static int Number(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) ? value : throw Bad($"{what} '{text}' is not a number");

    private static ArgumentException Bad(string reason) => new(reason);
}
