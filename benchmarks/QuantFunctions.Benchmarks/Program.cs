using BenchmarkDotNet.Running;

namespace QuantFunctions.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // scripts/bench-parquet-duckdb.sh: side-by-side timing of the Parquet codec against DuckDB.
        if (args.Length >= 2 && args[0] == "parquet-side-by-side")
        {
            Parquet.ParquetSideBySide.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7);
            return;
        }

        // docs/parquet.md "Default codec": size and full-read time of lake files in every writable codec.
        if (args.Length >= 3 && args[0] == "parquet-lake-codecs")
        {
            Parquet.ParquetLakeCodecs.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2..]);
            return;
        }

        // Stopwatch breakdown of quant allocate's phases, cold and warm (issue 11).
        if (args.Length >= 2 && args[0] == "allocate-phases")
        {
            Csv.AllocatePhases.Run(args[1]);
            return;
        }

        // Stopwatch breakdown of the 500 × 10-year CSV import into bronze (issue 11).
        if (args.Length >= 1 && args[0] == "import-phases")
        {
            DataOps.ImportPhases.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
