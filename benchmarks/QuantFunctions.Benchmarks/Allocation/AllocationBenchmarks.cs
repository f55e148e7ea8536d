using BenchmarkDotNet.Attributes;
using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Risk;

namespace QuantFunctions.Benchmarks.Allocation;

/// <summary>
/// Risk models and engines on 500 assets × 2,000 days (single thread). Targets (10× the best peer):
/// covariance ≤ 25 ms, Ledoit-Wolf ≤ 40 ms, HRP incl. linkage ≤ 60 ms, minimum variance ≤ 30 ms,
/// maximum Sharpe ≤ 100 ms, ERC ≤ 5 ms. Run: <c>dotnet run -c Release --project benchmarks/QuantFunctions.Benchmarks -- --filter '*AllocationBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private ReturnPanel _returns = null!;
    private CovarianceMatrix _covariance = null!;
    private double[] _mu = null!;
    private AllocationProblem _problem = null!;

    [GlobalSetup]
    public void Setup()
    {
        _returns = SyntheticReturns.Load();
        _covariance = SampleCovariance.Compute(_returns, 252);
        _mu = ExpectedReturns.ArithmeticMean(_returns, 252);
        _problem = AllocationProblem.Create(_covariance, _mu);
    }

    [Benchmark]
    public CovarianceMatrix Covariance() => SampleCovariance.Compute(_returns, 252);

    [Benchmark]
    public ShrinkageEstimate LedoitWolfShrinkage() => LedoitWolf.Estimate(_returns, ShrinkageTarget.ScaledIdentity, 252);

    /// <summary>A fresh problem each call, so the linkage is not served from the problem's cache.</summary>
    [Benchmark]
    public AllocationResult Hrp() => new HrpEngine(LinkageMethod.Single).Allocate(AllocationProblem.Create(_covariance));

    [Benchmark]
    public AllocationResult MinimumVariance() => new MinimumVarianceEngine().Allocate(_problem);

    [Benchmark]
    public AllocationResult MaximumSharpe() => new MaximumSharpeEngine(0.0).Allocate(_problem);

    [Benchmark]
    public AllocationResult Erc() => new RiskBudgetEngine().Allocate(_problem);
}
