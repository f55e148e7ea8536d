using QuantFunctions.Core.DataQuality;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// The health registry of one audit run (schema v1), one row per reason and one row with no rule for a HEALTHY
/// symbol: <c>symbol</c> STRING, <c>status</c> STRING (the symbol's HEALTHY / DEGRADED / DROPPED), <c>rule</c>
/// STRING?, <c>severity</c> STRING? (the reason's DEGRADED / DROPPED), <c>detail</c> STRING?, <c>timestamp</c>
/// TIMESTAMP? (bar or session concerned), <c>as_of</c> TIMESTAMP, <c>run_id</c> STRING. Stored at
/// <c>silver/{universe}/{pipeline}/version={v}/health/run={run_id}/part-00000.parquet</c> next to <c>summary.md</c>.
/// </summary>
public static class HealthRegistryTable
{
    /// <summary>Dataset name under silver.</summary>
    public const string Dataset = "health";

    /// <summary>File name of the Markdown summary in a run folder.</summary>
    public const string SummaryFile = "summary.md";

    /// <summary>File name of the registry part in a run folder.</summary>
    public const string PartFile = "part-00000.parquet";

    /// <summary>The registry dataset of a universe: <c>silver/{universe}/{pipeline}/version={v}/health</c>.</summary>
    public static LakePath DatasetPath(string universe, string pipelineId, string version) =>
        LakePathResolver.SilverDataset(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(pipelineId, "pipeline id"), SemVer.Parse(version), LakeIdentifier.Parse(Dataset));

    /// <summary>One run's registry folder: <c>{dataset}/run={run_id}</c>.</summary>
    public static LakePath RunFolder(string universe, string pipelineId, string version, string runId) =>
        LakePathResolver.SilverRun(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(pipelineId, "pipeline id"), SemVer.Parse(version), LakeIdentifier.Parse(Dataset), RunId.Parse(runId));

    /// <summary>One run's registry part: <c>{dataset}/run={run_id}/part-00000.parquet</c>.</summary>
    public static LakePath PartOf(string universe, string pipelineId, string version, string runId) =>
        LakePathResolver.SilverRunFile(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(pipelineId, "pipeline id"), SemVer.Parse(version), LakeIdentifier.Parse(Dataset), RunId.Parse(runId), PartFile);

    /// <summary>The registry part the context's run writes for <paramref name="universe"/>.</summary>
    public static LakePath PartOf(StageContext context, string universe) => FileOf(context, universe, PartFile);

    /// <summary>A file (<see cref="PartFile"/>, <see cref="SummaryFile"/>) of the registry the context's run writes for <paramref name="universe"/>.</summary>
    public static LakePath FileOf(StageContext context, string universe, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Paths.SilverRunFile(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(Dataset), fileName);
    }

    /// <summary>The registry written by the context's run for <paramref name="universe"/> as a stage input, or null when that run wrote none.</summary>
    public static async Task<StageInput?> TryDescribeInputAsync(StageContext context, string universe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LakePath folder = context.Paths.SilverRun(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(Dataset));
        return await context.Lake.GetInfoAsync(PartOf(context, universe), cancellationToken) is null
            ? null
            : new StageInput("silver." + universe + "." + Dataset, context.PipelineId, context.PipelineVersion, [folder]);
    }

    /// <summary>Builds the registry table from audit results (symbols in result order, reasons in rule order).</summary>
    public static LakeTable FromResults(IReadOnlyList<SymbolHealth> results, DateTimeOffset asOf, string runId)
    {
        ArgumentNullException.ThrowIfNull(results);
        int rows = 0;
        foreach (SymbolHealth health in results)
        {
            rows += Math.Max(1, health.Reasons.Count);
        }

        var symbol = new string[rows];
        var status = new string[rows];
        var rule = new string?[rows];
        var severity = new string?[rows];
        var detail = new string?[rows];
        var timestamp = new long[rows];
        var hasTimestamp = new bool[rows];
        var asOfColumn = new long[rows];
        var run = new string[rows];
        long asOfMicros = ToMicros(asOf);
        int row = 0;
        foreach (SymbolHealth health in results)
        {
            string statusName = HealthSummaryRenderer.StatusName(health.Status);
            int count = Math.Max(1, health.Reasons.Count);
            for (int k = 0; k < count; k++, row++)
            {
                (symbol[row], status[row], asOfColumn[row], run[row]) = (health.Symbol, statusName, asOfMicros, runId);
                if (k < health.Reasons.Count)
                {
                    HealthReason reason = health.Reasons[k];
                    (rule[row], severity[row], detail[row]) = (reason.Rule.ToString(), HealthSummaryRenderer.StatusName(reason.Severity), reason.Detail);
                    hasTimestamp[row] = reason.Timestamp.HasValue;
                    timestamp[row] = reason.Timestamp is { } ts ? ToMicros(ts) : 0;
                }
            }
        }

        return new LakeTable(Dataset,
        [
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol),
            ColumnBuffer.Create(ParquetColumn.String("status"), status),
            ColumnBuffer.Create(ParquetColumn.String("rule", nullable: true), rule),
            ColumnBuffer.Create(ParquetColumn.String("severity", nullable: true), severity),
            ColumnBuffer.Create(ParquetColumn.String("detail", nullable: true), detail),
            ColumnBuffer.Create(ParquetColumn.Timestamp("timestamp", nullable: true), timestamp, hasTimestamp),
            ColumnBuffer.Create(ParquetColumn.Timestamp("as_of"), asOfColumn),
            ColumnBuffer.Create(ParquetColumn.String("run_id"), run),
        ]);
    }

    /// <summary>Reads the audit results back (symbols in first-appearance order).</summary>
    /// <exception cref="DatasetSchemaException">A column is missing or a status or rule is unknown.</exception>
    public static IReadOnlyList<SymbolHealth> ToResults(LakeTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] symbol = table.Strings("symbol"), status = table.Strings("status");
        string?[] rule = Nullable<string?[]>(table, "rule", ParquetValueKind.String), severity = Nullable<string?[]>(table, "severity", ParquetValueKind.String);
        string?[] detail = Nullable<string?[]>(table, "detail", ParquetValueKind.String);
        ColumnBuffer timestamp = table.Column("timestamp");
        long[] ts = Nullable<long[]>(table, "timestamp", ParquetValueKind.Timestamp);
        var results = new List<SymbolHealth>();
        int row = 0;
        while (row < table.RowCount)
        {
            int end = row;
            var reasons = new List<HealthReason>();
            while (end < table.RowCount && symbol[end] == symbol[row])
            {
                if (rule[end] is { } name)
                {
                    HealthRule parsed = Enum.TryParse(name, out HealthRule r) && Enum.IsDefined(r)
                        ? r
                        : throw new DatasetSchemaException($"{table.Name}: row {end} has unknown rule '{name}'");
                    DateTimeOffset? when = timestamp.IsNull(end) ? null : FromMicros(ts[end]);
                    reasons.Add(new HealthReason(parsed, ParseStatus(table.Name, end, severity[end]), detail[end] ?? string.Empty, when));
                }

                end++;
            }

            results.Add(new SymbolHealth(symbol[row], ParseStatus(table.Name, row, status[row]), reasons));
            row = end;
        }

        return results;
    }

    /// <summary>The DROPPED symbols of a run's registry (its <paramref name="part"/>, see <see cref="PartOf(StageContext, string)"/>), or null when the run wrote no registry.</summary>
    public static async Task<IReadOnlySet<string>?> TryReadDroppedAsync(ILakeStore lake, LakePath part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        if (await lake.GetInfoAsync(part, cancellationToken) is null)
        {
            return null;
        }

        LakeTable table = await LakeTableStore.ReadAsync(lake, part, ["symbol", "status"], cancellationToken);
        string[] symbol = table.Strings("symbol"), status = table.Strings("status");
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < table.RowCount; i++)
        {
            if (status[i] == HealthSummaryRenderer.StatusName(HealthStatus.Dropped))
            {
                dropped.Add(symbol[i]);
            }
        }

        return dropped;
    }

    /// <summary>
    /// Reads a run's registry, or (when <paramref name="runId"/> is null) the latest one: the greatest as-of time,
    /// ties broken by the greater run id (ordinal). Returns null when the universe has no registry (or not that run).
    /// </summary>
    public static async Task<HealthRegistry?> ReadAsync(
        ILakeStore lake, string universe, string pipelineId, string version, string? runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lake);
        var candidates = new List<LakePath>();
        if (runId is not null)
        {
            candidates.Add(PartOf(universe, pipelineId, version, runId));
        }
        else
        {
            await foreach (LakeObjectInfo info in lake.ListAsync(DatasetPath(universe, pipelineId, version), cancellationToken))
            {
                if (LakePathResolver.TryParse(info.Path) is { Kind: LakeObjectKind.SilverRunFile, Relative: PartFile })
                {
                    candidates.Add(info.Path);
                }
            }
        }

        HealthRegistry? best = null;
        foreach (LakePath part in candidates)
        {
            if (await lake.GetInfoAsync(part, cancellationToken) is null)
            {
                continue;
            }

            LakeTable table = await LakeTableStore.ReadAsync(lake, part, cancellationToken: cancellationToken);
            if (table.RowCount == 0)
            {
                continue;
            }

            var registry = new HealthRegistry(table.Strings("run_id")[0], FromMicros(table.Timestamps("as_of")[0]), part, ToResults(table));
            if (best is null || registry.AsOf > best.AsOf || (registry.AsOf == best.AsOf && string.CompareOrdinal(registry.RunId, best.RunId) > 0))
            {
                best = registry;
            }
        }

        return best;
    }

    private static T Nullable<T>(LakeTable table, string name, ParquetValueKind kind)
        where T : class
    {
        ColumnBuffer column = table.Column(name);
        return column.Column.Kind == kind && column.Values is T values
            ? values
            : throw new DatasetSchemaException($"{table.Name}: column '{name}' is {column.Column.Kind}, expected {kind}");
    }

    private static HealthStatus ParseStatus(string table, int row, string? name) => name switch
    {
        "HEALTHY" => HealthStatus.Healthy,
        "DEGRADED" => HealthStatus.Degraded,
        "DROPPED" => HealthStatus.Dropped,
        _ => throw new DatasetSchemaException($"{table}: row {row} has unknown status '{name}' (expected HEALTHY, DEGRADED or DROPPED)"),
    };

    private static long ToMicros(DateTimeOffset t) => FeaturesTable.ToMicros(t);

    private static DateTimeOffset FromMicros(long micros) => FeaturesTable.FromMicros(micros);
}
