using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Market;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Benchmarks.DataOps;

/// <summary>
/// Issue 5 target: importing 500 symbols × 10 years of daily CSV (Yahoo layout, 2,520 business days each,
/// 1.26 M rows) into a file-system bronze lake — read, validate, raw copies and bronze Parquet — in ≤ 5 s.
/// Each iteration imports into a fresh lake.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private const int Symbols = 500;
    private const int Days = 2520;
    private string _input = string.Empty;
    private string _lakeRoot = string.Empty;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        _input = Path.Combine(Path.GetTempPath(), "qf-bench-import-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_input);
        var rng = new Random(5);
        for (int s = 0; s < Symbols; s++)
        {
            var sb = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
            double price = 20 + (rng.NextDouble() * 200);
            DateOnly date = new(2014, 1, 1);
            for (int d = 0; d < Days; d++)
            {
                while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    date = date.AddDays(1);
                }

                double open = price, close = price * (1 + ((rng.NextDouble() - 0.5) * 0.04));
                double high = Math.Max(open, close) * (1 + (rng.NextDouble() * 0.01)), low = Math.Min(open, close) * (1 - (rng.NextDouble() * 0.01));
                sb.Append(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd},{open:F4},{high:F4},{low:F4},{close:F4},{close:F4},{rng.Next(1_000, 5_000_000)}\n");
                price = close;
                date = date.AddDays(1);
            }

            File.WriteAllText(Path.Combine(_input, "S" + s.ToString("D4", CultureInfo.InvariantCulture) + ".csv"), sb.ToString());
        }
    }

    /// <summary>The folder of generated CSV files (after <see cref="Setup"/>).</summary>
    public string InputFolder => _input;

    [IterationSetup]
    public void NewLake() => _lakeRoot = Path.Combine(_input + "-lake", (_iteration++).ToString(CultureInfo.InvariantCulture));

    [Benchmark]
    public async Task<long> Import500x10yCsvToBronze()
    {
        var options = new OhlcvImportOptions { Market = "XNYS" };
        FileImportProvider provider = await FileImportProvider.OpenAsync(_input, options, CancellationToken.None);
        var symbols = new List<Symbol>(provider.Files.Fetches.Count);
        foreach (ProviderFetch f in provider.Files.Fetches)
        {
            symbols.Add(f.Bars.Symbol);
        }

        var request = new IngestRequest
        {
            Market = "XNYS",
            Symbols = symbols,
            First = new DateOnly(2014, 1, 1),
            Last = new DateOnly(2024, 12, 31),
            IngestDate = new DateOnly(2025, 1, 1),
            FreshnessDays = 366,
            RunId = "bench",
            Profile = "bench/import",
        };
        IngestResult result = await new BronzeIngestor(new FileSystemLakeStore(_lakeRoot)).IngestAsync(request, provider, CancellationToken.None);
        return result.RowsWritten != (long)Symbols * Days ? throw new InvalidOperationException($"imported {result.RowsWritten} rows") : result.RowsWritten;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_input, recursive: true);
        if (Directory.Exists(_input + "-lake"))
        {
            Directory.Delete(_input + "-lake", recursive: true);
        }
    }
}
