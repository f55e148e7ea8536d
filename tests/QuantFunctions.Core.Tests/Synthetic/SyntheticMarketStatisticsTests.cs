using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Synthetic;

namespace QuantFunctions.Core.Tests.Synthetic;

/// <summary>
/// Statistical sanity of the generator on the default seed (deterministic, so the thresholds are not
/// flaky): stylised facts of daily returns (Cont 2001, "Empirical properties of asset returns").
/// </summary>
public sealed class SyntheticMarketStatisticsTests
{
    private static readonly SyntheticMarketOptions Options = new() { ListingsPerMarket = 0, DelistingsPerMarket = 0, GapsPerMarket = 0, ToxicPrintsPerMarket = 0, StaleSymbolsPerMarket = 0 };
    private static readonly SyntheticMarket Market = SyntheticMarketGenerator.Generate(Options);

    private static List<(AssetInfo Asset, double[] Returns)> Returns(AssetType type)
    {
        var list = new List<(AssetInfo, double[])>();
        for (int i = 0; i < Market.Assets.Count; i++)
        {
            AssetInfo a = Market.Assets[i];
            if (a.AssetType == type)
            {
                TradingCalendar cal = ExchangeCalendars.Resolve(a.CalendarId);
                list.Add((a, ReturnCalculator.FromBars([Market.Bars[i]], ReturnOptions.CalendarAware(_ => cal, ReturnKind.Log)).Column(0).ToArray()));
            }
        }

        return list;
    }

    private static double Mean(double[] x) => x.Average();

    private static double Kurtosis(double[] x)
    {
        double m = Mean(x), m2 = x.Sum(v => (v - m) * (v - m)) / x.Length, m4 = x.Sum(v => Math.Pow(v - m, 4)) / x.Length;
        return m4 / (m2 * m2);
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = Mean(x), my = Mean(y), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    [Theory]
    [InlineData(AssetType.Crypto)]
    [InlineData(AssetType.Equity)]
    public void Returns_Pooled_HaveFatTails(AssetType type)
    {
        // Gaussian kurtosis is 3; Student-t(5) innovations under GARCH give clearly more.
        double mean = Returns(type).Average(a => Kurtosis(a.Returns));
        Assert.True(mean > 3.5, $"mean kurtosis {mean}");
    }

    [Theory]
    [InlineData(AssetType.Crypto)]
    [InlineData(AssetType.Equity)]
    public void AbsoluteReturns_Lag1_ArePositivelyAutocorrelated(AssetType type)
    {
        // Volatility clustering: corr(|r_t|, |r_{t-1}|) > 0 (i.i.d. returns would give ≈ 0 ± 1/√N ≈ 0.04).
        double mean = Returns(type).Average(a =>
        {
            double[] abs = a.Returns.Select(Math.Abs).ToArray();
            return Correlation(abs[1..], abs[..^1]);
        });
        Assert.True(mean > 0.08, $"mean lag-1 autocorrelation of |r| {mean}");
    }

    [Theory]
    [InlineData(AssetType.Crypto)]
    [InlineData(AssetType.Equity)]
    public void Correlation_WithinSector_ExceedsAcrossSectors(AssetType type)
    {
        var assets = Returns(type);
        double within = 0, across = 0;
        int nw = 0, na = 0;
        for (int i = 0; i < assets.Count; i++)
        {
            for (int j = i + 1; j < assets.Count; j++)
            {
                double c = Correlation(assets[i].Returns, assets[j].Returns);
                if (assets[i].Asset.Sector == assets[j].Asset.Sector)
                {
                    within += c;
                    nw++;
                }
                else
                {
                    across += c;
                    na++;
                }
            }
        }

        within /= nw;
        across /= na;
        Assert.True(across > 0.1, $"market factor: mean cross-sector correlation {across}");
        Assert.True(within > across + 0.1, $"within {within} vs across {across}");
    }
}
