using System.Diagnostics;
using System.Globalization;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Risk;
using QuantFunctions.Lake.Datasets;

namespace QuantFunctions.Benchmarks.Csv;

/// <summary>
/// Profiler-free breakdown of <c>quant allocate FILE --engine min_variance</c> in one fresh process: each phase
/// timed cold (first call: JIT included, as the CLI runs it) and then warm. Times are the process's CPU time
/// (user + system), which a shared, loaded machine does not inflate the way it inflates wall time. <c>dotnet run -c Release -- allocate-phases FILE</c>.
/// </summary>
public static class AllocatePhases
{
    public static void Run(string file)
    {
        long bytes = new FileInfo(file).Length;
        for (int pass = 0; pass < 4; pass++)
        {
            var sw = new CpuWatch();
            ReturnPanel returns = ReturnsFileReader.ReadAsync(file).GetAwaiter().GetResult();
            double read = Lap(sw);
            AllocationProblem problem = AllocationProblem.FromReturns(returns, new RiskModelOptions(), new PortfolioConstraints());
            double estimate = Lap(sw);
            AllocationResult result = AllocationEngineRegistry.CreateWithFallback("min_variance", new Dictionary<string, string>()).Allocate(problem);
            double allocate = Lap(sw);
            byte[] raw = File.ReadAllBytes(file);
            Lap(sw);
            int cells = 0;
            using (var csv = Lake.Csv.CsvReader.Open(raw, file))
            {
                while (csv.Read())
                {
                    cells += csv.Row.Count;
                }
            }

            double split = Lap(sw);
            double sum = 0;
            using (var csv = Lake.Csv.CsvReader.Open(raw, file))
            {
                while (csv.Read())
                {
                    Lake.Csv.CsvRow row = csv.Row;
                    for (int c = 1; c < row.Count; c++)
                    {
                        row.TryNumber(c, out double v);
                        sum += v;
                    }
                }
            }

            double parse = Lap(sw);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  split only {split:F0} ms ({cells} cells), split + TryNumber {parse:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(pass == 0 ? "cold" : "warm")}: read CSV {read:F0} ms ({bytes / 1e6 / (read / 1e3):F0} MB/s) | risk model {estimate:F0} | min variance {allocate:F0} ms (success {result.Success})"));
        }
    }

    private static double Lap(CpuWatch sw) => sw.Lap();

    /// <summary>Process CPU time (all threads: JIT and GC included) between laps.</summary>
    internal sealed class CpuWatch
    {
        private readonly Process _process = Process.GetCurrentProcess();
        private TimeSpan _last;

        public CpuWatch()
        {
            _process.Refresh();
            _last = _process.TotalProcessorTime;
        }

        public double Lap()
        {
            _process.Refresh();
            TimeSpan now = _process.TotalProcessorTime;
            double ms = (now - _last).TotalMilliseconds;
            _last = now;
            return ms;
        }
    }
}
