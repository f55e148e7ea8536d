using QuantFunctions.Core.Allocation;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Tests.Allocation;
using QuantFunctions.Core.Returns;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Returns;

public sealed class ExpectedReturnsTests
{
    [SharedDataFact]
    public void Geometric_PypfoptStockPrices_MatchesPeerToFullPrecision()
    {
        // pypfopt.mean_historical_return.real: full-precision peer run; suggested tolerance abs 1e-12.
        ReturnPanel r = RefCases.PypfoptReturns;
        double[] expected = RefCases.ByAsset(RefCases.Expected("pypfopt.mean_historical_return.real").GetProperty("full_precision_from_peer_run"), r.Columns);
        RefCases.AssertClose(expected, ExpectedReturns.Geometric(r, 252), 1e-12);
    }

    [SharedDataFact]
    public void ArithmeticMean_PypfoptStockPrices_MatchesPeer()
    {
        // Same case, compounding=False column; abs 1e-12.
        ReturnPanel r = RefCases.PypfoptReturns;
        double[] expected = RefCases.ByAsset(RefCases.Expected("pypfopt.mean_historical_return.real").GetProperty("arithmetic_compounding_false_from_peer_run"), r.Columns);
        RefCases.AssertClose(expected, ExpectedReturns.ArithmeticMean(r, 252), 1e-12);
    }

    [SharedDataFact]
    public void Geometric_DummyPrices_MatchesPeerTest()
    {
        // pypfopt.mean_historical_return.dummy (frequency 1): values given to 7 decimals; abs 5e-8.
        ReturnPanel r = DummyReturns(4);
        JsonExpect(ExpectedReturns.Geometric(r, 1), "compounding_true");
        JsonExpect(ExpectedReturns.ArithmeticMean(r, 1), "compounding_false");
    }

    [Fact]
    public void ArithmeticMean_BadPeriodsPerYear_Throws()
    {
        ReturnPanel r = ReturnPanel.Undated(["A"], 2, [0.01, 0.02]);
        var ex = Assert.Throws<AllocationException>(() => ExpectedReturns.ArithmeticMean(r, 0));
        Assert.Equal(ErrorCodes.InvalidOption, ex.Code);
    }

    [Fact]
    public void Geometric_HandCalculation_Compounds()
    {
        // (1.1 · 0.9)^(2/2) − 1 = −0.01 with P = 2 periods per year over 2 periods.
        ReturnPanel r = ReturnPanel.Undated(["A"], 2, [0.1, -0.1]);
        Assert.Equal(-0.01, ExpectedReturns.Geometric(r, 2)[0], 1e-15);
        Assert.Equal(0.0, ExpectedReturns.ArithmeticMean(r, 2)[0], 1e-15);
    }

    internal static ReturnPanel DummyReturns(int columns)
    {
        var rows = new List<double[]>();
        foreach (System.Text.Json.JsonElement row in RefCases.Case("pypfopt.mean_historical_return.dummy").GetProperty("inputs").GetProperty("prices_rows").EnumerateArray())
        {
            rows.Add(RefCases.Array(row));
        }

        int t = rows.Count;
        double[] prices = new double[t * columns];
        for (int r = 0; r < t; r++)
        {
            for (int j = 0; j < columns; j++)
            {
                prices[(j * t) + r] = rows[r][j];
            }
        }

        string[] names = ["A", "B", "C", "D"];
        return PriceReturnsAllowNegative(names[..columns], t, prices);
    }

    private static ReturnPanel PriceReturnsAllowNegative(string[] names, int t, double[] prices)
    {
        // The peer's dummy data holds a negative "price" column; simple returns are still p_t/p_{t-1} − 1.
        double[] r = new double[(t - 1) * names.Length];
        for (int j = 0; j < names.Length; j++)
        {
            for (int k = 1; k < t; k++)
            {
                r[(j * (t - 1)) + k - 1] = (prices[(j * t) + k] / prices[(j * t) + k - 1]) - 1;
            }
        }

        return ReturnPanel.Undated(names, t - 1, r);
    }

    private static void JsonExpect(double[] actual, string key)
    {
        double[] expected = RefCases.Array(RefCases.Expected("pypfopt.mean_historical_return.dummy").GetProperty(key));
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5e-8);
        }
    }
}
