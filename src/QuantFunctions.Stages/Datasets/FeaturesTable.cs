using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuantFunctions.Core.Features;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Parquet;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Stages.Datasets;

/// <summary>
/// The silver point-in-time feature store (schema v1): <c>ts</c> TIMESTAMP (bar date, 00:00 UTC), <c>known_at</c>
/// TIMESTAMP, <c>symbol</c> STRING, then every column of <see cref="FeatureColumns.All"/> as DOUBLE (NaN = warm-up),
/// rows ordered by symbol then ts. Files live at <c>silver/{universe}/{pipeline}/version={v}/features/year=YYYY/
/// b{built}-{hash}-{k}.parquet</c>: one file per build batch, year and block of symbols. A build never rewrites a
/// file; a later build of a symbol supersedes earlier ones (the reader keeps, per symbol, the greatest batch key).
/// </summary>
public static class FeaturesTable
{
    /// <summary>Dataset name under silver.</summary>
    public const string Dataset = "features";

    private const int LeadingColumns = 3;

    /// <summary>The dataset folder of a universe.</summary>
    public static LakePath DatasetPath(string universe, string pipelineId, string version) =>
        LakePathResolver.SilverDataset(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(pipelineId, "pipeline id"), SemVer.Parse(version), LakeIdentifier.Parse(Dataset));

    /// <summary>
    /// The batch key of a build: <c>b{yyyyMMddHHmmss of the build's as-of}-{first 8 hex of SHA-256 over the symbols}</c>.
    /// Keys sort (ordinally) by build time, so the reader can tell the newest build of a symbol.
    /// </summary>
    public static string BatchKey(DateTimeOffset builtAt, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', symbols)));
        return "b" + builtAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(hash)[..8];
    }

    /// <summary>The file of block <paramref name="block"/> of a build for one year.</summary>
    public static LakePath Part(StageContext context, string universe, int year, string batchKey, int block)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Paths.SilverFile(LakeIdentifier.Parse(universe, "universe"), LakeIdentifier.Parse(Dataset), year, string.Create(CultureInfo.InvariantCulture, $"{batchKey}-{block:D5}.parquet"));
    }

    /// <summary>Builds the table of the rows of <paramref name="blocks"/> whose ts falls in <paramref name="year"/> (block copies per column).</summary>
    public static LakeTable FromBlocks(IReadOnlyList<FeatureBlock> blocks, int year)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset end = start.AddYears(1);
        var ranges = new (int Lo, int Hi)[blocks.Count];
        int total = 0;
        for (int b = 0; b < blocks.Count; b++)
        {
            ranges[b] = (LowerBound(blocks[b].Timestamps, start), LowerBound(blocks[b].Timestamps, end));
            total += ranges[b].Hi - ranges[b].Lo;
        }

        int features = FeatureColumns.All.Count;
        var ts = new long[total];
        var knownAt = new long[total];
        var symbol = new string[total];
        var values = new double[features][];
        for (int j = 0; j < features; j++)
        {
            values[j] = new double[total];
        }

        int offset = 0;
        for (int b = 0; b < blocks.Count; b++)
        {
            (int lo, int hi) = ranges[b];
            FeatureBlock block = blocks[b];
            for (int i = lo; i < hi; i++)
            {
                ts[offset + i - lo] = ToMicros(block.Timestamps[i]);
                knownAt[offset + i - lo] = ToMicros(block.KnownAt[i]);
            }

            symbol.AsSpan(offset, hi - lo).Fill(block.Symbol);
            for (int j = 0; j < features; j++)
            {
                block.Column(j)[lo..hi].CopyTo(values[j].AsSpan(offset));
            }

            offset += hi - lo;
        }

        var columns = new List<ColumnBuffer>(LeadingColumns + features)
        {
            ColumnBuffer.Create(ParquetColumn.Timestamp("ts"), ts),
            ColumnBuffer.Create(ParquetColumn.Timestamp("known_at"), knownAt),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol),
        };
        for (int j = 0; j < features; j++)
        {
            columns.Add(ColumnBuffer.Create(ParquetColumn.Double(FeatureColumns.All[j]), values[j]));
        }

        return new LakeTable(Dataset, columns);
    }

    /// <summary>
    /// Reads the store as known at <paramref name="asOf"/>: rows with known_at ≤ as-of only, each symbol from its newest
    /// build, optionally only <paramref name="symbols"/>; rows ordered by symbol then ts. Years after the as-of year are
    /// not read (ts ≤ known_at). An empty store gives an empty table.
    /// </summary>
    /// <exception cref="DatasetSchemaException">A file lacks a column, or a (symbol, ts) pair repeats within a build.</exception>
    public static Task<LakeTable> ReadAsOfAsync(
        ILakeStore lake, LakePath dataset, DateTimeOffset asOf, IReadOnlyCollection<string>? symbols = null, CancellationToken cancellationToken = default) =>
        ReadAsOfAsync(lake, dataset, asOf, symbols, stats: null, cancellationToken);

    /// <summary>
    /// <see cref="ReadAsOfAsync(ILakeStore, LakePath, DateTimeOffset, IReadOnlyCollection{string}?, CancellationToken)"/>,
    /// counting in <paramref name="stats"/> the row groups decoded and those skipped because their <c>known_at</c>
    /// statistics prove every row was known after the as-of time.
    /// </summary>
    /// <exception cref="DatasetSchemaException">A file lacks a column, or a (symbol, ts) pair repeats within a build.</exception>
    public static async Task<LakeTable> ReadAsOfAsync(
        ILakeStore lake, LakePath dataset, DateTimeOffset asOf, IReadOnlyCollection<string>? symbols, LakeReadStats? stats, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ParquetRangePredicate knownByAsOf = ParquetRangePredicate.TimestampRange("known_at", null, asOf);
        stats ??= new LakeReadStats();
        var wanted = symbols is null ? null : new HashSet<string>(symbols, StringComparer.Ordinal);
        long asOfMicros = ToMicros(asOf);
        var files = new List<StoredFile>();
        await foreach (LakeObjectInfo info in lake.ListAsync(dataset, cancellationToken))
        {
            if (LakePathResolver.TryParse(info.Path) is not { Kind: LakeObjectKind.SilverFile or LakeObjectKind.SilverPart, Year: int year }
                || !info.Path.Name.EndsWith(".parquet", StringComparison.Ordinal) || year > asOf.UtcDateTime.Year)
            {
                continue;
            }

            if (wanted is not null && !ContainsAny((await LakeTableStore.ReadAsync(lake, info.Path, ["symbol"], cancellationToken)).Strings("symbol"), wanted))
            {
                continue; // a block file of other symbols: only its symbol column is read
            }

            int skippedBefore = stats.RowGroupsSkipped;
            LakeTable part = await LakeTableStore.ReadPrunedAsync(lake, info.Path, knownByAsOf, stats, cancellationToken: cancellationToken);
            // Which build wins a symbol depends on every symbol the build holds, also in the skipped row groups.
            string[] buildSymbols = stats.RowGroupsSkipped == skippedBefore
                ? part.Strings("symbol")
                : (await LakeTableStore.ReadAsync(lake, info.Path, ["symbol"], cancellationToken)).Strings("symbol");
            string name = info.Path.Name;
            files.Add(new StoredFile(name[..name.LastIndexOf('-')], part, part.Strings("symbol"), buildSymbols, part.Timestamps("ts"), part.Timestamps("known_at")));
        }

        // The newest build of each symbol wins; a build covers a symbol's whole history up to its as-of.
        var winner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (StoredFile file in files)
        {
            foreach (string s in file.BuildSymbols)
            {
                if ((wanted is null || wanted.Contains(s)) && (!winner.TryGetValue(s, out string? best) || string.CompareOrdinal(file.Key, best) > 0))
                {
                    winner[s] = file.Key;
                }
            }
        }

        var picks = new List<(int File, int Row)>();
        for (int f = 0; f < files.Count; f++)
        {
            StoredFile file = files[f];
            for (int r = 0; r < file.Table.RowCount; r++)
            {
                if (file.KnownAt[r] <= asOfMicros && winner.TryGetValue(file.Symbols[r], out string? best) && best == file.Key)
                {
                    picks.Add((f, r));
                }
            }
        }

        picks.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(files[a.File].Symbols[a.Row], files[b.File].Symbols[b.Row]);
            return c != 0 ? c : files[a.File].Ts[a.Row].CompareTo(files[b.File].Ts[b.Row]);
        });
        return Gather(dataset.Value, files, picks);
    }

    private static LakeTable Gather(string name, List<StoredFile> files, List<(int File, int Row)> picks)
    {
        int n = picks.Count;
        var ts = new long[n];
        var knownAt = new long[n];
        var symbol = new string[n];
        for (int i = 0; i < n; i++)
        {
            StoredFile file = files[picks[i].File];
            int r = picks[i].Row;
            (ts[i], knownAt[i], symbol[i]) = (file.Ts[r], file.KnownAt[r], file.Symbols[r]);
            if (i > 0 && symbol[i] == symbol[i - 1] && ts[i] == ts[i - 1])
            {
                throw new DatasetSchemaException($"{name}: symbol '{symbol[i]}' has two rows for ts {FromMicros(ts[i]):O} in one build");
            }
        }

        var columns = new List<ColumnBuffer>
        {
            ColumnBuffer.Create(ParquetColumn.Timestamp("ts"), ts),
            ColumnBuffer.Create(ParquetColumn.Timestamp("known_at"), knownAt),
            ColumnBuffer.Create(ParquetColumn.String("symbol"), symbol),
        };
        foreach (string feature in FeatureColumns.All)
        {
            var values = new double[n];
            double[][] sources = new double[files.Count][];
            for (int f = 0; f < files.Count; f++)
            {
                sources[f] = files[f].Table.Doubles(feature);
            }

            for (int i = 0; i < n; i++)
            {
                values[i] = sources[picks[i].File][picks[i].Row];
            }

            columns.Add(ColumnBuffer.Create(ParquetColumn.Double(feature), values));
        }

        return new LakeTable(name, columns);
    }

    /// <summary>Microseconds since the Unix epoch (the stored TIMESTAMP unit).</summary>
    public static long ToMicros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    /// <summary>The time of a stored TIMESTAMP (µs since the Unix epoch, UTC).</summary>
    public static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    private static bool ContainsAny(string[] symbols, HashSet<string> wanted)
    {
        foreach (string s in symbols)
        {
            if (wanted.Contains(s))
            {
                return true;
            }
        }

        return false;
    }

    private sealed record StoredFile(string Key, LakeTable Table, string[] Symbols, string[] BuildSymbols, long[] Ts, long[] KnownAt);

    private static int LowerBound(DateTimeOffset[] ts, DateTimeOffset value)
    {
        int lo = 0, hi = ts.Length;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (ts[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
