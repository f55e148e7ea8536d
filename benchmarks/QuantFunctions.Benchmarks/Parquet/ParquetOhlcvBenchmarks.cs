using BenchmarkDotNet.Attributes;
using QuantFunctions.Lake.Parquet;

namespace QuantFunctions.Benchmarks.Parquet;

/// <summary>Full read (materialising every column) and write of a 1,000,000-row OHLCV table.</summary>
[MemoryDiagnoser]
public class ParquetOhlcvBenchmarks
{
    private ColumnBuffer[] _table = [];
    private string _dir = "";
    private string _file = "";

    [Params(ParquetCodec.Uncompressed, ParquetCodec.Snappy, ParquetCodec.Zstd, ParquetCodec.Lz4Raw)]
    public ParquetCodec Codec { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _table = OhlcvTable.Create(1_000_000);
        _dir = Path.Combine(Path.GetTempPath(), "qf-bench-parquet-" + Codec);
        Directory.CreateDirectory(_dir);
        _file = Path.Combine(_dir, "ohlcv.parquet");
        OhlcvTable.WriteFile(_file, _table, Codec);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public long ReadAllColumns() => OhlcvTable.ReadAll(_file);

    [Benchmark]
    public long Write()
    {
        string path = Path.Combine(_dir, "out.parquet");
        OhlcvTable.WriteFile(path, _table, Codec);
        return new FileInfo(path).Length;
    }
}
