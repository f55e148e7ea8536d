using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Allocation.Engines;
using QuantFunctions.Core.Clustering;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Risk;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Allocation;

/// <summary>Engines against PyPortfolioOpt 1.5.6 and Riskfolio-Lib reference values (../shared/data/refcases).</summary>
public sealed class PeerReferenceTests
{
    [SharedDataFact]
    public void Hrp_SingleLinkage_MatchesPypfoptWeightsAndOrder()
    {
        // pypfopt.hrp.single: daily pairwise covariance, single linkage; suggested abs 1e-12 on weights.
        ReturnPanel r = RefCases.PypfoptReturns;
        // Clustering on pandas' pairwise-complete correlation, as the peer does.
        AllocationProblem p = AllocationProblem.Create(SampleCovariance.ComputePairwise(r), correlation: Correlation.Pairwise(r));
        AllocationResult result = new HrpEngine(LinkageMethod.Single).Allocate(p);
        Assert.True(result.Success, result.FailureReason);
        var expected = RefCases.Expected("pypfopt.hrp.single");
        double[] w = RefCases.ByAsset(expected.GetProperty("weights"), r.Columns);
        RefCases.AssertClose(w, result.Weights, 1e-12);

        string[] order = p.Dendrogram(LinkageMethod.Single).LeafOrder().Select(i => r.Columns[i]).ToArray();
        Assert.Equal(expected.GetProperty("quasi_diag_order_tickers").EnumerateArray().Select(e => e.GetString()!), order);
    }

    [SharedDataFact]
    public void Hrp_Performance_MatchesPypfoptTuple()
    {
        // pypfopt.hrp.single performance_rf0.02_test: μ = arithmetic mean × 252, Σ = pairwise cov × 252; peer rtol 1e-7.
        ReturnPanel r = RefCases.PypfoptReturns;
        CovarianceMatrix cov = SampleCovariance.ComputePairwise(r, 252);
        AllocationProblem p = AllocationProblem.Create(cov, ExpectedReturns.ArithmeticMean(r, 252), correlation: Correlation.Pairwise(r));
        AllocationResult result = new HrpEngine().Allocate(p);
        double[] perf = RefCases.Array(RefCases.Expected("pypfopt.hrp.single").GetProperty("performance_rf0.02_test"));
        double ret = result.Diagnostics["expected_return"], vol = result.Diagnostics["volatility"];
        Assert.Equal(perf[0], ret, perf[0] * 1e-7);
        Assert.Equal(perf[1], vol, perf[1] * 1e-7);
        Assert.Equal(perf[2], (ret - 0.02) / vol, perf[2] * 1e-7);
    }

    [SharedDataFact]
    public void ClusterVariance_PypfoptTickers_MatchesPeer()
    {
        // pypfopt.hrp.cluster_var: inverse-variance weights within the cluster, w'Cw on the daily pairwise covariance; decimal 7 (we use 1e-15 abs on a 1e-4 value).
        ReturnPanel r = RefCases.PypfoptReturns;
        CovarianceMatrix cov = SampleCovariance.ComputePairwise(r);
        int[] members = RefCases.Case("pypfopt.hrp.cluster_var").GetProperty("params").GetProperty("tickers").EnumerateArray()
            .Select(e => r.Columns.ToList().IndexOf(e.GetString()!)).ToArray();
        double expected = RefCases.Expected("pypfopt.hrp.cluster_var").GetProperty("value_peer_run").GetDouble();
        Assert.Equal(expected, HrpBisection.ClusterVariance(cov, members), 1e-15);
    }

    [SharedDataFact]
    public void MinimumVariance_LongOnly_MatchesPypfoptCla()
    {
        // pypfopt.ef.min_volatility: μ geometric, Σ pairwise × 252, bounds [0, 1]. Peer test rtol 1e-7 on the
        // performance tuple; weights vs the exact CLA solution (suggested abs 1e-4; we hold 1e-8).
        (AllocationProblem p, IReadOnlyList<string> assets) = PypfoptMeanVariance();
        AllocationResult result = new MinimumVarianceEngine().Allocate(p);
        Assert.True(result.Success, result.FailureReason);
        var expected = RefCases.Expected("pypfopt.ef.min_volatility");
        double[] cla = RefCases.ByAsset(expected.GetProperty("weights_exact_CLA"), assets);
        RefCases.AssertClose(cla, result.Weights, 1e-8);

        AssertPerformance(result, RefCases.Array(expected.GetProperty("performance_test_(ret,vol,sharpe)")), 1e-7);
    }

    [SharedDataFact]
    public void MaximumSharpe_LongOnlyRf2Percent_MatchesPypfopt()
    {
        // pypfopt.ef.max_sharpe (rf 0.02): peer test rtol 1e-7 on (ret, vol, sharpe); weights vs CLA on μ − r_f
        // (accurate to ~1e-8 per the case notes), abs 1e-6.
        (AllocationProblem p, IReadOnlyList<string> assets) = PypfoptMeanVariance();
        AllocationResult result = new MaximumSharpeEngine(0.02).Allocate(p);
        Assert.True(result.Success, result.FailureReason);
        var expected = RefCases.Expected("pypfopt.ef.max_sharpe");
        double[] cla = RefCases.ByAsset(expected.GetProperty("weights_CLA_shifted_mu"), assets);
        RefCases.AssertClose(cla, result.Weights, 1e-6);

        AssertPerformance(result, RefCases.Array(expected.GetProperty("performance_test_(ret,vol,sharpe)")), 1e-7);
    }

    [SharedDataFact]
    public void Erc_RiskfolioClassic_MatchesPeerWeights()
    {
        // riskfolio.classic.risk_parity_mv: last 200 daily returns of 10 assets (SPY dropped), ddof-1 covariance;
        // expected weights are 3.3e-6 from the exact ERC solution, suggested abs 1e-5.
        (string[] names, int rows, double[] prices) = RefCases.ReadTable(SharedData.PathOf("data", "refcases", "data", "riskfolio_stock_prices.csv"));
        string[] assets = ["AMZN", "APA", "CMCSA", "CPB", "JCI", "JPM", "MMC", "MO", "TGT", "ZION"];
        int[] cols = assets.Select(a => Array.IndexOf(names, a)).ToArray();
        ReturnPanel all = ReturnCalculator.FromPrices(ReturnPanel.Undated(assets, rows, RefCases.Slice(prices, rows, cols, 0, rows)));
        ReturnPanel last = ReturnPanel.Undated(assets, 200, RefCases.Slice(all.Values.ToArray(), all.RowCount, Enumerable.Range(0, 10).ToArray(), all.RowCount - 200, all.RowCount));
        AllocationProblem p = AllocationProblem.Create(SampleCovariance.Compute(last));
        AllocationResult result = new RiskBudgetEngine().Allocate(p);
        Assert.True(result.Success, result.FailureReason);
        double[] expected = RefCases.ByAsset(RefCases.Expected("riskfolio.classic.risk_parity_mv").GetProperty("weights"), assets);
        RefCases.AssertClose(expected, result.Weights, 1e-5);
    }

    internal static (AllocationProblem Problem, IReadOnlyList<string> Assets) PypfoptMeanVariance()
    {
        ReturnPanel r = RefCases.PypfoptReturns;
        CovarianceMatrix cov = SampleCovariance.ComputePairwise(r, 252);
        return (AllocationProblem.Create(cov, ExpectedReturns.Geometric(r, 252)), r.Columns);
    }

    private static void AssertPerformance(AllocationResult result, double[] expected, double rtol)
    {
        double ret = result.Diagnostics["expected_return"], vol = result.Diagnostics["volatility"];
        Assert.Equal(expected[0], ret, Math.Abs(expected[0]) * rtol);
        Assert.Equal(expected[1], vol, Math.Abs(expected[1]) * rtol);
        Assert.Equal(expected[2], (ret - 0.02) / vol, Math.Abs(expected[2]) * rtol);
    }
}
