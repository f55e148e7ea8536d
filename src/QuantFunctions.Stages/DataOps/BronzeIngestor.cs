using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;

namespace QuantFunctions.Stages.DataOps;

/// <summary>
/// Ingests provider bars into bronze daily OHLCV (<c>bronze/{market}/spot/ohlcv/schema=v1/interval=1d/year=YYYY/part-{batch}.parquet</c>):
/// incremental, append-only, idempotent and all-or-nothing.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Reads what bronze holds (date and symbol columns) and, per symbol, fetches only
/// [max(first, last held + 1), last]; a symbol already covered is not fetched.</item>
/// <item>Fetches in rounds: symbols that failed are retried in the next round (each fetch has its own HTTP
/// retry budget); each round is an attempt of the coverage artifact.</item>
/// <item>Validates every fetch with <see cref="IngestValidator"/> (strict: throw; lenient: drop and record)
/// and discards rows bronze already holds, so re-ingesting the same batch adds no rows.</item>
/// <item>Verifies the update: a symbol whose last bar is older than <see cref="IngestRequest.FreshnessDays"/>
/// before <see cref="IngestRequest.Last"/> after the sync is <see cref="SymbolSyncStatus.Stale"/> — in
/// particular one whose sync returned no new bars — and is reported, never marked fresh.</item>
/// <item>Only then writes: raw payloads under <c>raw/{market}/{source}/ingest_date=…/</c> and one bronze
/// part per year named by its content fingerprint (create-only). If a bronze write fails, the parts
/// written by this call are deleted, so a failed ingestion leaves bronze unchanged.</item>
/// </list>
/// </remarks>
public sealed class BronzeIngestor
{
    /// <summary>Concurrent lake writes of one ingestion (raw copies, yearly parts): enough to overlap encoding and I/O.</summary>
    private const int WriteParallelism = 4;

    private readonly ILakeStore _lake;
    private readonly TimeProvider _time;

    /// <summary>Creates an ingestor over <paramref name="lake"/>; <paramref name="time"/> only measures round durations.</summary>
    public BronzeIngestor(ILakeStore lake, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(lake);
        _lake = lake;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The bronze OHLCV dataset folder of <paramref name="market"/>.</summary>
    public static LakePath DatasetOf(LakeIdentifier market) =>
        LakePathResolver.BronzeDataset(market, StageDatasets.SpotProduct, LakeIdentifier.Parse(BarsTable.Dataset), SchemaVersion.V1, BarInterval.Daily);

    /// <summary>The bronze OHLCV part of <paramref name="market"/> for one year and batch.</summary>
    public static LakePath PartOf(LakeIdentifier market, int year, LakeIdentifier batch) =>
        LakePathResolver.BronzePart(market, StageDatasets.SpotProduct, LakeIdentifier.Parse(BarsTable.Dataset), SchemaVersion.V1, BarInterval.Daily, year, null, batch);

    /// <summary>Runs the ingestion.</summary>
    /// <exception cref="IngestException">No symbol, an invalid row in strict mode, or coverage below 100 % under <see cref="CoveragePolicy.Fail"/>.</exception>
    public async Task<IngestResult> IngestAsync(IngestRequest request, IMarketDataProvider provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(provider);
        if (request.Last < request.First)
        {
            throw new IngestException($"ingest {request.Profile}: last date {request.Last:yyyy-MM-dd} is before first date {request.First:yyyy-MM-dd}");
        }

        var symbols = new SortedSet<Symbol>(request.Symbols);
        if (symbols.Count == 0)
        {
            throw new IngestException($"ingest {request.Profile}: no symbol to ingest");
        }

        LakeIdentifier market = LakeIdentifier.Parse(request.Market.ToLowerInvariant(), "market");
        Dictionary<string, HashSet<DateOnly>> held = await HeldAsync(market, cancellationToken).ConfigureAwait(false);
        var pending = new List<(Symbol Symbol, DateOnly From)>();
        var syncs = new SortedDictionary<string, SymbolSync>(StringComparer.Ordinal);
        foreach (Symbol s in symbols)
        {
            DateOnly? last = held.TryGetValue(s.Value, out HashSet<DateOnly>? dates) ? dates.Max() : null;
            DateOnly from = last is DateOnly l && l.AddDays(1) > request.First ? l.AddDays(1) : request.First;
            if (from > request.Last)
            {
                syncs[s.Value] = new SymbolSync(s.Value, SymbolSyncStatus.UpToDate, last, last, 0, "bronze covers the range; not fetched");
            }
            else
            {
                pending.Add((s, from));
            }
        }

        var fetched = new Dictionary<string, ProviderFetch>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var attempts = new List<CoverageAttempt>();
        var httpAttempts = new List<ProviderAttempt>();
        for (int round = 1; round <= request.Rounds && (round == 1 || errors.Count > 0); round++)
        {
            long started = _time.GetTimestamp();
            int ok = 0, failed = 0;
            foreach ((Symbol symbol, DateOnly from) in pending)
            {
                if (fetched.ContainsKey(symbol.Value))
                {
                    continue;
                }

                try
                {
                    ProviderFetch fetch = await provider.FetchBarsAsync(symbol, from, request.Last, cancellationToken).ConfigureAwait(false);
                    fetched[symbol.Value] = fetch;
                    httpAttempts.AddRange(fetch.Attempts);
                    errors.Remove(symbol.Value);
                    ok++;
                }
                catch (ProviderException ex)
                {
                    errors[symbol.Value] = ex.Message;
                    httpAttempts.AddRange(ex.Attempts);
                    failed++;
                }
            }

            attempts.Add(new CoverageAttempt(round, ok, failed, _time.GetElapsedTime(started).TotalMilliseconds));
        }

        var issues = new List<RowIssue>();
        var fresh = new List<BarSeries>();
        Validated?[] validated = ValidateAll(pending, fetched, request.Strict);
        for (int p = 0; p < pending.Count; p++)
        {
            Symbol symbol = pending[p].Symbol;
            DateOnly? lastBefore = held.TryGetValue(symbol.Value, out HashSet<DateOnly>? have) ? have.Max() : null;
            if (validated[p] is not { } check)
            {
                syncs[symbol.Value] = new SymbolSync(symbol.Value, SymbolSyncStatus.Failed, lastBefore, lastBefore, 0, errors[symbol.Value]);
                continue;
            }

            // In symbol order, as a sequential validation would: the first strict failure is the one raised.
            if (check.Error is not null)
            {
                ExceptionDispatchInfo.Throw(check.Error);
            }

            issues.AddRange(check.Issues);
            BarSeries valid = check.Series!;
            BarSeries added = Without(valid, have);
            DateOnly? lastAfter = added.Count > 0 ? added.Dates[^1] : lastBefore;
            bool isFresh = lastAfter is DateOnly la && la.AddDays(request.FreshnessDays) >= request.Last;
            SymbolSyncStatus status = !isFresh ? SymbolSyncStatus.Stale : added.Count > 0 ? SymbolSyncStatus.Updated : SymbolSyncStatus.UpToDate;
            string? detail = status == SymbolSyncStatus.Stale
                ? (added.Count == 0 ? "sync returned no new bars; " : string.Empty) + $"last bar {(lastAfter is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none")} is more than {request.FreshnessDays} day(s) before {request.Last:yyyy-MM-dd}"
                : null;
            syncs[symbol.Value] = new SymbolSync(symbol.Value, status, lastBefore, lastAfter, added.Count, detail);
            if (added.Count > 0)
            {
                fresh.Add(added);
            }
        }

        var failedSymbols = new List<string>(errors.Keys);
        failedSymbols.Sort(StringComparer.Ordinal);
        double coverage = (symbols.Count - failedSymbols.Count) / (double)symbols.Count;
        var stale = new List<string>();
        foreach (SymbolSync s in syncs.Values)
        {
            if (s.Status == SymbolSyncStatus.Stale)
            {
                stale.Add(s.Symbol);
            }
        }

        var artifact = new CoverageArtifact
        {
            RunId = request.RunId,
            Profile = request.Profile,
            Attempts = attempts.Count > 0 ? attempts : [new CoverageAttempt(1, 0, 0, 0)],
            FailedSymbols = failedSymbols,
            Requested = symbols.Count,
            Coverage = coverage,
            Status = failedSymbols.Count == 0 ? "OK" : request.Policy == CoveragePolicy.Fail ? "FAIL" : "WARN",
            StaleSymbols = stale,
            HttpAttempts = httpAttempts,
            DiscoveryAttempts = request.DiscoveryAttempts,
            RejectedRows = issues,
        };
        var outputs = new List<LakePath>();
        if (request.CoveragePath is LakePath coveragePath)
        {
            await _lake.WriteAsync(coveragePath, artifact.ToJson(), LakeWriteMode.Overwrite, cancellationToken).ConfigureAwait(false);
            outputs.Add(coveragePath);
        }

        if (artifact.Status == "FAIL")
        {
            throw new IngestException(ErrorCodes.IngestCoverageBelowPolicy, string.Create(CultureInfo.InvariantCulture,
                $"ingest {request.Profile}: coverage {coverage:P1} after {attempts.Count} round(s); failed: {string.Join(", ", failedSymbols)} (first error: {errors[failedSymbols[0]]}); bronze unchanged"));
        }

        // Raw copies in parallel (each its own object, named by its content), listed in symbol order.
        LakeIdentifier source = LakeIdentifier.Parse(provider.Name, "source");
        var raws = new LakePath?[pending.Count];
        await Parallel.ForAsync(0, pending.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = WriteParallelism }, async (p, ct) =>
        {
            Symbol symbol = pending[p].Symbol;
            if (fetched.TryGetValue(symbol.Value, out ProviderFetch? fetch) && !fetch.Payload.IsEmpty)
            {
                LakePath raw = LakePathResolver.RawBatch(market, source, request.IngestDate, RawBatchId(symbol, fetch.Payload.Span), fetch.Format);
                await LakeWrites.WriteBytesOnceAsync(_lake, raw, fetch.Payload, ct).ConfigureAwait(false);
                raws[p] = raw;
            }
        }).ConfigureAwait(false);
        foreach (LakePath? raw in raws)
        {
            if (raw is LakePath written)
            {
                outputs.Add(written);
            }
        }

        long rows = await WriteBronzeAsync(market, fresh, outputs, cancellationToken).ConfigureAwait(false);
        return new IngestResult([.. syncs.Values], rows, outputs, artifact, issues);
    }

    private async Task<long> WriteBronzeAsync(LakeIdentifier market, List<BarSeries> fresh, List<LakePath> outputs, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return 0;
        }

        int firstYear = int.MaxValue, lastYear = int.MinValue;
        foreach (BarSeries s in fresh)
        {
            firstYear = Math.Min(firstYear, s.Dates[0].Year);
            lastYear = Math.Max(lastYear, s.Dates[^1].Year);
        }

        // One table per year, built, fingerprinted and written in parallel; outputs listed in year order.
        int years = lastYear - firstYear + 1;
        var parts = new (LakePath Part, long Rows, bool Created)?[years];
        try
        {
            await Parallel.ForAsync(0, years, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = WriteParallelism }, async (y, ct) =>
            {
                int year = firstYear + y;
                LakeTable table = BarsTable.FromSeries(fresh, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                if (table.RowCount == 0)
                {
                    return;
                }

                string fingerprint = LakeTableStore.ContentFingerprint(table);
                LakePath part = PartOf(market, year, LakeIdentifier.Parse("i" + fingerprint[..16]));
                bool existed = await _lake.GetInfoAsync(part, ct).ConfigureAwait(false) is not null;
                await LakeWrites.WriteTableOnceAsync(_lake, part, table, fingerprint, ct).ConfigureAwait(false);
                parts[y] = (part, table.RowCount, !existed);
            }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is LakeException or IOException)
        {
            int removed = 0;
            foreach ((LakePath part, _, bool created) in Written(parts))
            {
                if (created)
                {
                    await _lake.DeleteAsync(part, CancellationToken.None).ConfigureAwait(false);
                    removed++;
                }
            }

            throw new IngestException($"writing bronze {DatasetOf(market)} failed; the {removed} part(s) written by this ingestion were removed: {ex.Message}", ex);
        }

        long rows = 0;
        foreach ((LakePath part, long count, _) in Written(parts))
        {
            outputs.Add(part);
            rows += count;
        }

        return rows;
    }

    private static IEnumerable<(LakePath Part, long Rows, bool Created)> Written((LakePath Part, long Rows, bool Created)?[] parts)
    {
        foreach ((LakePath Part, long Rows, bool Created)? part in parts)
        {
            if (part is { } written)
            {
                yield return written;
            }
        }
    }

    /// <summary>
    /// Validates every fetched symbol in parallel (validation is per symbol and pure): the kept series, the rows it dropped,
    /// or the strict-mode error, per index of <paramref name="pending"/>; null where nothing was fetched.
    /// </summary>
    private static Validated?[] ValidateAll(List<(Symbol Symbol, DateOnly From)> pending, Dictionary<string, ProviderFetch> fetched, bool strict)
    {
        var validated = new Validated?[pending.Count];
        Parallel.For(0, pending.Count, p =>
        {
            if (!fetched.TryGetValue(pending[p].Symbol.Value, out ProviderFetch? fetch))
            {
                return;
            }

            var issues = new List<RowIssue>();
            try
            {
                validated[p] = new Validated(IngestValidator.Validate(fetch.Bars, fetch.Origins, strict, issues), issues, null);
            }
            catch (IngestException ex)
            {
                validated[p] = new Validated(null, issues, ex);
            }
        });
        return validated;
    }

    /// <summary>One symbol's validation: the kept rows, the dropped rows, or the strict-mode error.</summary>
    private sealed record Validated(BarSeries? Series, List<RowIssue> Issues, IngestException? Error);

    private async Task<Dictionary<string, HashSet<DateOnly>>> HeldAsync(LakeIdentifier market, CancellationToken cancellationToken)
    {
        var held = new Dictionary<string, HashSet<DateOnly>>(StringComparer.Ordinal);
        LakeTable table;
        try
        {
            (table, _) = await LakeTableStore.ReadDatasetAsync(_lake, DatasetOf(market), ["date", "symbol"], cancellationToken).ConfigureAwait(false);
        }
        catch (LakeObjectNotFoundException)
        {
            return held;
        }

        int[] days = table.DateDays("date");
        string[] symbols = table.Strings("symbol");
        for (int i = 0; i < days.Length; i++)
        {
            if (!held.TryGetValue(symbols[i], out HashSet<DateOnly>? set))
            {
                set = [];
                held.Add(symbols[i], set);
            }

            set.Add(LongPanel.ToDate(days[i]));
        }

        return held;
    }

    private static BarSeries Without(BarSeries series, HashSet<DateOnly>? held)
    {
        if (held is null || held.Count == 0)
        {
            return series;
        }

        var keep = new List<int>(series.Count);
        for (int i = 0; i < series.Count; i++)
        {
            if (!held.Contains(series.Dates[i]))
            {
                keep.Add(i);
            }
        }

        if (keep.Count == series.Count)
        {
            return series;
        }

        var d = new DateOnly[keep.Count];
        double[] o = new double[keep.Count], h = new double[keep.Count], l = new double[keep.Count], c = new double[keep.Count], v = new double[keep.Count];
        for (int k = 0; k < keep.Count; k++)
        {
            int i = keep[k];
            (d[k], o[k], h[k], l[k], c[k], v[k]) = (series.Dates[i], series.Open[i], series.High[i], series.Low[i], series.Close[i], series.Volume[i]);
        }

        return new BarSeries(series.Symbol, d, o, h, l, c, v);
    }

    private static LakeIdentifier RawBatchId(Symbol symbol, ReadOnlySpan<byte> payload)
    {
        Span<char> id = stackalloc char[symbol.Value.Length];
        for (int i = 0; i < id.Length; i++)
        {
            char c = char.ToLowerInvariant(symbol.Value[i]);
            id[i] = LakeIdentifier.IsIdentifierChar(c) ? c : '_';
        }

        return LakeIdentifier.Parse(string.Concat(id, "_", Convert.ToHexStringLower(SHA256.HashData(payload)).AsSpan(0, 12)));
    }

}
