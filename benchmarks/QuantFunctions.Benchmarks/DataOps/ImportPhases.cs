using System.Diagnostics;
using System.Globalization;
using QuantFunctions.Core.Market;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.Datasets;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Benchmarks.DataOps;

/// <summary>
/// Profiler-free breakdown of <see cref="ImportBenchmarks"/> (500 symbols × 10 years of CSV into bronze):
/// Stopwatch around each phase the ingestion runs — read and parse the CSVs, validate, write the raw copies
/// (SHA-256 names), build the yearly tables, their content fingerprints, the Parquet writes — then the whole
/// import as <see cref="ImportBenchmarks"/> runs it. Process CPU time (the machine is shared), and wall time for the whole. <c>dotnet run -c Release -- import-phases [repeat]</c>.
/// </summary>
public static class ImportPhases
{
    public static void Run(int repeat)
    {
        var bench = new ImportBenchmarks();
        bench.Setup();
        try
        {
            for (int i = 0; i < repeat; i++)
            {
                RunOnce(bench, i).GetAwaiter().GetResult();
            }
        }
        finally
        {
            bench.Cleanup();
        }
    }

    private static async Task RunOnce(ImportBenchmarks bench, int iteration)
    {
        string input = bench.InputFolder;
        string lakeRoot = input + "-phases-" + iteration.ToString(CultureInfo.InvariantCulture);
        var lake = new FileSystemLakeStore(lakeRoot);
        var sw = new Csv.AllocatePhases.CpuWatch();
        var options = new OhlcvImportOptions { Market = "XNYS" };
        OhlcvFileSet set = await OhlcvFileReader.ReadAsync(input, options, CancellationToken.None);
        double read = Lap(sw);

        var issues = new List<RowIssue>();
        var fresh = new List<BarSeries>(set.Fetches.Count);
        foreach (ProviderFetch f in set.Fetches)
        {
            fresh.Add(IngestValidator.Validate(f.Bars, f.Origins, true, issues));
        }

        double validate = Lap(sw);
        LakeIdentifier market = LakeIdentifier.Parse("xnys");
        foreach (ProviderFetch f in set.Fetches)
        {
            LakePath raw = LakePathResolver.RawBatch(market, LakeIdentifier.Parse("file"), new DateOnly(2025, 1, 1),
                LakeIdentifier.Parse(f.Bars.Symbol.Value.Replace(':', '_').ToLowerInvariant() + "_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Payload.Span)).AsSpan(0, 12).ToString()), f.Format);
            await LakeWrites.WriteBytesOnceAsync(lake, raw, f.Payload, CancellationToken.None);
        }

        double rawWrites = Lap(sw);
        var tables = new List<LakeTable>();
        for (int year = 2014; year <= 2024; year++)
        {
            LakeTable t = BarsTable.FromSeries(fresh, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            if (t.RowCount > 0)
            {
                tables.Add(t);
            }
        }

        double build = Lap(sw);
        var names = new List<string>();
        foreach (LakeTable t in tables)
        {
            names.Add("i" + LakeTableStore.ContentFingerprint(t)[..16]);
        }

        double fingerprint = Lap(sw);
        for (int k = 0; k < tables.Count; k++)
        {
            LakePath part = BronzeIngestor.PartOf(market, 2014 + k, LakeIdentifier.Parse(names[k]));
            await LakeWrites.WriteTableOnceAsync(lake, part, tables[k], CancellationToken.None);
        }

        double parquet = Lap(sw);
        Directory.Delete(lakeRoot, recursive: true);
        bench.NewLake();
        sw.Lap();
        var wall = Stopwatch.StartNew();
        await bench.Import500x10yCsvToBronze();
        double wholeWall = wall.Elapsed.TotalMilliseconds;
        double whole = Lap(sw);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import phases (ms): read+parse CSV {read:F0} | validate {validate:F0} | raw copies {rawWrites:F0} | build tables {build:F0} | fingerprints {fingerprint:F0} | parquet writes (incl. fingerprint) {parquet:F0} || whole import {whole:F0} CPU, {wholeWall:F0} wall"));
    }

    private static double Lap(Csv.AllocatePhases.CpuWatch sw) => sw.Lap();
}
