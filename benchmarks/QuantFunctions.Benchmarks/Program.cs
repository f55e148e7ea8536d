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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
