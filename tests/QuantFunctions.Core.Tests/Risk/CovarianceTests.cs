using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Allocation;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Risk;
using QuantFunctions.Core.Tests.Returns;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Risk;

public sealed class CovarianceTests
{
    [SharedDataFact]
    public void Compute_PypfoptDummy_MatchesPeerDailyCovariance()
    {
        // pypfopt.sample_cov.dummy: daily ddof-1 covariance given at full precision; rel 1e-13.
        ReturnPanel r = ExpectedReturnsTests.DummyReturns(3);
        CovarianceMatrix cov = SampleCovariance.Compute(r);
        var expected = RefCases.Expected("pypfopt.sample_cov.dummy").GetProperty("daily_cov");
        int i = 0;
        foreach (var row in expected.EnumerateArray())
        {
            double[] e = RefCases.Array(row);
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(e[j], cov[i, j], Math.Abs(e[j]) * 1e-13);
            }

            i++;
        }
    }

    [SharedDataFact]
    public void ComputePairwise_PypfoptStockPrices_MatchesPeerMatrix()
    {
        // pypfopt.sample_cov.real: pandas pairwise-complete covariance × 252; suggested rel 1e-12.
        ReturnPanel r = RefCases.PypfoptReturns;
        CovarianceMatrix cov = SampleCovariance.ComputePairwise(r, 252);
        (string[] names, int rows, double[] values) = RefCases.ReadTable(SharedData.PathOf("data", "refcases", "expected", "pypfopt_sample_cov.csv"));
        Assert.Equal(r.Columns, names);
        for (int k = 0; k < values.Length; k++)
        {
            Assert.Equal(values[k], cov.Values[k], Math.Abs(values[k]) * 1e-12);
        }

        Assert.Equal(20, rows);
    }

    [SharedDataFact]
    public void LedoitWolf_PypfoptNanAsZero_MatchesPeerDeltaAndMatrix()
    {
        // pypfopt.ledoit_wolf.constant_variance: NaN returns replaced by 0 (peer preprocessing),
        // sklearn ledoit_wolf; δ abs 1e-12, matrix rel 1e-10.
        ReturnPanel r = RefCases.PypfoptReturns;
        double[] filled = r.Values.ToArray();
        for (int k = 0; k < filled.Length; k++)
        {
            filled[k] = double.IsNaN(filled[k]) ? 0 : filled[k];
        }

        ShrinkageEstimate s = LedoitWolf.Estimate(ReturnPanel.Undated(r.Columns, r.RowCount, filled), ShrinkageTarget.ScaledIdentity, 252);
        Assert.Equal(RefCases.Expected("pypfopt.ledoit_wolf.constant_variance").GetProperty("delta").GetDouble(), s.Shrinkage, 1e-12);
        (_, _, double[] values) = RefCases.ReadTable(SharedData.PathOf("data", "refcases", "expected", "pypfopt_ledoit_wolf_constant_variance.csv"));
        for (int k = 0; k < values.Length; k++)
        {
            Assert.Equal(values[k], s.Covariance.Values[k], Math.Abs(values[k]) * 1e-10);
        }
    }

    [Fact]
    public void Compute_HandCalculation_DividesByTMinusOne()
    {
        // x = [1,2,3,4], y = [2,4,6,9]: var x = 5/3, cov = (−1.5·−3.25 + −0.5·−1.25 + 0.5·0.75 + 1.5·3.75)/3 = 11.5/3.
        ReturnPanel r = ReturnPanel.Undated(["x", "y"], 4, [1, 2, 3, 4, 2, 4, 6, 9]);
        CovarianceMatrix c = SampleCovariance.Compute(r);
        Assert.Equal(5.0 / 3.0, c[0, 0], 1e-14);
        Assert.Equal(11.5 / 3, c[0, 1], 1e-14);
        Assert.Equal(c[0, 1], c[1, 0]);
    }

    [Fact]
    public void Compute_LargeMatrix_MatchesNaiveDotProducts()
    {
        // Blocked SIMD kernel vs a naive double loop on 37 assets × 1,031 rows (odd sizes hit every tail); rel 1e-12.
        var rng = new Random(3);
        int t = 1031, n = 37;
        double[] v = new double[t * n];
        for (int k = 0; k < v.Length; k++)
        {
            v[k] = (rng.NextDouble() - 0.5) * 0.04;
        }

        string[] names = Enumerable.Range(0, n).Select(i => "A" + i).ToArray();
        CovarianceMatrix c = SampleCovariance.Compute(ReturnPanel.Undated(names, t, v), 252);
        for (int i = 0; i < n; i++)
        {
            double mi = v.Skip(i * t).Take(t).Average();
            for (int j = 0; j < n; j++)
            {
                double mj = v.Skip(j * t).Take(t).Average(), s = 0;
                for (int k = 0; k < t; k++)
                {
                    s += (v[(i * t) + k] - mi) * (v[(j * t) + k] - mj);
                }

                Assert.Equal(s / (t - 1) * 252, c[i, j], Math.Abs(s / (t - 1) * 252) * 1e-12);
            }
        }
    }

    [Fact]
    public void Ewma_DecayNearOne_ApproachesSampleCovariance()
    {
        // With λ → 1 the weights become equal and the bias correction gives ddof 1; rel 1e-6 at λ = 1 − 1e-9.
        ReturnPanel r = ReturnPanel.Undated(["x", "y"], 4, [1, 2, 3, 4, 2, 4, 6, 9]);
        CovarianceMatrix e = EwmaCovariance.Compute(r, 1 - 1e-9);
        Assert.Equal(11.5 / 3, e[0, 1], 1e-6);
        Assert.Equal(5.0 / 3.0, e[0, 0], 1e-6);
    }

    [Fact]
    public void LedoitWolfConstantCorrelation_RandomData_ShrinksWithinUnitIntervalAndKeepsVariances()
    {
        ReturnPanel r = RandomReturns(8, 60, 11);
        ShrinkageEstimate s = LedoitWolf.Estimate(r, ShrinkageTarget.ConstantCorrelation);
        CovarianceMatrix sample = SampleCovariance.Compute(r);
        Assert.InRange(s.Shrinkage, 0, 1);
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(sample[i, i], s.Covariance[i, i], sample[i, i] * 1e-12);
        }
    }

    [Fact]
    public void DynamicRidge_IllConditioned_AddsSmallestRidgeMeetingBound()
    {
        // Σ = diag(1, 1e-6): κ = 1e6. Bound 100 ⇒ s = (1 − 100e-6)/99, κ after = exactly 100.
        CovarianceMatrix c = CovarianceMatrix.Create(["a", "b"], [1, 0, 0, 1e-6]);
        RidgeResult r = DynamicRidge.Apply(c, 100);
        Assert.Equal(1e6, r.ConditionBefore, 1e-3);
        Assert.Equal(100, r.ConditionAfter, 1e-9);
        double s = (1 - (100 * 1e-6)) / 99;
        Assert.Equal(s * 2 / (1 + 1e-6), r.Lambda, 1e-15);
        Assert.Equal(1e-6 + s, r.Covariance[1, 1], 1e-15);
    }

    [Fact]
    public void DynamicRidge_WellConditioned_LeavesMatrixAlone()
    {
        CovarianceMatrix c = CovarianceMatrix.Create(["a", "b"], [2, 0.5, 0.5, 1]);
        RidgeResult r = DynamicRidge.Apply(c);
        Assert.Equal(0, r.Lambda);
        Assert.Same(c, r.Covariance);
    }

    [Fact]
    public void Distance_PerfectCorrelations_MapToZeroAndOne()
    {
        // d = √((1 − ρ)/2): ρ = 1 → 0, ρ = −1 → 1, ρ = 0 → √0.5.
        double[] d = Correlation.Distance([1, -1, -1, 1], 2);
        Assert.Equal(1.0, d[1], 15);
        double[] d0 = Correlation.Distance([1, 0, 0, 1], 2);
        Assert.Equal(Math.Sqrt(0.5), d0[1], 15);
        Assert.Equal(0.0, d0[0]);
    }

    [Fact]
    public void Create_BadMatrices_ThrowTypedErrorsNamingTheAsset()
    {
        Assert.Equal(ErrorCodes.NotSymmetric, Assert.Throws<AllocationException>(() => CovarianceMatrix.Create(["a", "b"], [1, 0.2, 0.3, 1])).Code);
        var psd = Assert.Throws<AllocationException>(() => CovarianceMatrix.Create(["a", "b"], [1, 2, 2, 1]));
        Assert.Equal(ErrorCodes.NotPositiveSemidefinite, psd.Code);
        var zero = Assert.Throws<AllocationException>(() => CovarianceMatrix.Create(["a", "b"], [1, 0, 0, 0]));
        Assert.Equal(ErrorCodes.ZeroVariance, zero.Code);
        Assert.Equal("b", zero.Subject);
        Assert.Equal(ErrorCodes.NonFiniteValue, Assert.Throws<AllocationException>(() => CovarianceMatrix.Create(["a", "b"], [1, double.NaN, double.NaN, 1])).Code);
        Assert.Equal(ErrorCodes.ShapeMismatch, Assert.Throws<AllocationException>(() => CovarianceMatrix.Create(["a", "b"], [1, 0, 1])).Code);
    }

    [Fact]
    public void ReturnsAndEstimators_BadInput_ThrowBeforeWork()
    {
        var nan = Assert.Throws<AllocationException>(() => SampleCovariance.Compute(ReturnPanel.Undated(["a", "b"], 2, [0.1, 0.2, double.PositiveInfinity, 0.1])));
        Assert.Equal(ErrorCodes.NonFiniteValue, nan.Code);
        Assert.Equal("b", nan.Subject);
        var few = Assert.Throws<AllocationException>(() => SampleCovariance.Compute(ReturnPanel.Undated(["a"], 1, [0.1])));
        Assert.Equal(ErrorCodes.InsufficientData, few.Code);
        var flat = Assert.Throws<AllocationException>(() => SampleCovariance.Compute(ReturnPanel.Undated(["a", "flat"], 3, [0.1, 0.2, 0.0, 0.01, 0.01, 0.01])));
        Assert.Equal(ErrorCodes.ZeroVariance, flat.Code);
        Assert.Equal("flat", flat.Subject);
    }

    internal static ReturnPanel RandomReturns(int n, int t, int seed)
    {
        var rng = new Random(seed);
        double[] v = new double[n * t];
        double[] market = new double[t];
        for (int k = 0; k < t; k++)
        {
            market[k] = Normal(rng) * 0.01;
        }

        for (int j = 0; j < n; j++)
        {
            double beta = 0.5 + rng.NextDouble();
            for (int k = 0; k < t; k++)
            {
                v[(j * t) + k] = (beta * market[k]) + (Normal(rng) * 0.01 * (0.5 + (j % 3))) + 0.0003;
            }
        }

        return ReturnPanel.Undated(Enumerable.Range(0, n).Select(i => "A" + i).ToArray(), t, v);
    }

    internal static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
