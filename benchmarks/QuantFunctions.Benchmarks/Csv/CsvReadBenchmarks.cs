using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using QuantFunctions.Lake.Csv;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Benchmarks.Csv;

/// <summary>
/// Issue 11 target: CSV parse ≥ 300 MB/s warm on the 500-asset × 2,000-day returns CSV (14.8 MB; the file of
/// scripts/bench-allocation-peer.sh when QF_ALLOC_RETURNS names it, else the same shape generated here: a date
/// column and 500 columns of 17-significant-digit returns). MB/s = file bytes / mean time.
/// </summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private string _path = string.Empty;
    private byte[] _bytes = [];
    private bool _generated;

    [GlobalSetup]
    public void Setup()
    {
        string? file = Environment.GetEnvironmentVariable("QF_ALLOC_RETURNS");
        if (string.IsNullOrEmpty(file) || !File.Exists(file))
        {
            file = Path.Combine(Path.GetTempPath(), "qf-bench-returns-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".csv");
            File.WriteAllText(file, Generate(500, 2000, 42));
            _generated = true;
        }

        _path = file;
        _bytes = File.ReadAllBytes(file);
        Console.WriteLine($"// returns CSV {_path}: {_bytes.Length / 1e6:F1} MB");
    }

    /// <summary>The whole <c>quant allocate</c> read: file → <see cref="Core.Market.ReturnPanel"/> (column-major doubles).</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> ReturnsFileFromDisk() => (await ReturnsFileReader.ReadAsync(_path)).RowCount;

    /// <summary>Parse only: bytes already in memory, every cell parsed as a double, nothing kept.</summary>
    [Benchmark]
    public double ParseAllCellsFromMemory()
    {
        using CsvReader csv = CsvReader.Open(_bytes, "returns.csv");
        double sum = 0;
        while (csv.Read())
        {
            CsvRow row = csv.Row;
            for (int c = 1; c < row.Count; c++)
            {
                row.TryNumber(c, out double v);
                sum += v;
            }
        }

        return sum;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_generated)
        {
            File.Delete(_path);
        }
    }

    /// <summary>Returns formatted like the peer script's generator (<c>toPrecision(17)</c>): 17 significant digits.</summary>
    internal static string Generate(int assets, int days, int seed)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder("date");
        for (int j = 0; j < assets; j++)
        {
            sb.Append(",A").Append(j.ToString("D3", CultureInfo.InvariantCulture));
        }

        sb.Append('\n');
        var start = new DateOnly(2015, 1, 1);
        for (int t = 0; t < days; t++)
        {
            sb.Append(start.AddDays(t).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            for (int j = 0; j < assets; j++)
            {
                sb.Append(',').Append(((rng.NextDouble() - 0.5) * 0.04).ToString("G17", CultureInfo.InvariantCulture));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
