using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Synthetic;

namespace QuantFunctions.Benchmarks.CoreDomain;

/// <summary>
/// The walking skeleton's domain steps at the demo size: 120 assets × 730 calendar days.
/// Run: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*DomainBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private readonly SyntheticMarketOptions _options = new();
    private SyntheticMarket _market = null!;
    private ReturnPanel _panel = null!;
    private double[] _returns = null!;

    [GlobalSetup]
    public void Setup()
    {
        _market = SyntheticMarketGenerator.Generate(_options);
        _panel = Panel();
        _returns = new double[2520];
        var rng = new Random(1);
        for (int i = 0; i < _returns.Length; i++)
        {
            _returns[i] = (rng.NextDouble() - 0.5) * 0.04;
        }
    }

    [Benchmark(Description = "generate 2 markets, 120 assets, 730 days")]
    public SyntheticMarket Generate() => SyntheticMarketGenerator.Generate(_options);

    [Benchmark(Description = "calendar-safe returns panel, 120 assets")]
    public ReturnPanel Panel()
    {
        TradingCalendar crypto = ExchangeCalendars.Crypto;
        TradingCalendar nyse = ExchangeCalendars.Nyse;
        return ReturnCalculator.FromBars(_market.Bars, ReturnOptions.CalendarAware(s => s.Exchange == "XNYS" ? nyse : crypto, ReturnKind.Simple));
    }

    [Benchmark(Description = "walk-forward 60/20/20, 120 streams, equal weight")]
    public BacktestResult WalkForward() => WalkForwardBacktester.Run(_panel, w =>
    {
        double[] x = new double[w.ColumnCount];
        Array.Fill(x, 1.0 / w.ColumnCount);
        return x;
    }, new WalkForwardOptions());

    [Benchmark(Description = "metrics on 2520 returns")]
    public PerformanceMetrics Metrics() => PerformanceCalculator.Compute(_returns, new PerformanceOptions());
}
