using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Core.Returns;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;
using QuantFunctions.Core.Synthetic;
using QuantFunctions.Core.Tests.Market;

namespace QuantFunctions.Core.Tests.Backtesting;

/// <summary>The walking skeleton's domain path end to end, as the stages will call it.</summary>
public sealed class DomainPipelineTests
{
    [Fact]
    public void Pipeline_SyntheticCryptoToTearSheet_IsConsistentAndDeterministic()
    {
        string first = RunPipeline(out BacktestResult r);
        string second = RunPipeline(out _);
        Assert.Equal(first, second);

        // Recompute the report's headline from the stored equity curve: final equity = Π(1 + net).
        double equity = 1;
        foreach (double x in r.NetReturns)
        {
            equity *= 1 + x;
        }

        Approx.Rel(equity, r.Equity[^1], 1e-12, "equity from returns");
        Assert.Contains("<svg", first, StringComparison.Ordinal);
    }

    private static string RunPipeline(out BacktestResult result)
    {
        var options = new SyntheticMarketOptions { CalendarDays = 400, Markets = SyntheticMarketOptions.DefaultMarkets(30, 30) };
        SyntheticMarket market = SyntheticMarketGenerator.Generate(options);
        var crypto = new List<BarSeries>();
        for (int i = 0; i < market.Assets.Count; i++)
        {
            if (market.Assets[i].AssetType == AssetType.Crypto)
            {
                crypto.Add(market.Bars[i]);
            }
        }

        TradingCalendar xcry = ExchangeCalendars.Crypto;
        ReturnPanel returns = ReturnCalculator.FromBars(crypto, ReturnOptions.CalendarAware(_ => xcry, ReturnKind.Simple));
        SelectionResult selection = MomentumSelector.Select(returns, 120, new MomentumOptions { Lookback = 90, Skip = 5, TopN = 5, BottomN = 5 });
        var atoms = new List<StrategyAtom>();
        foreach (string s in selection.Long)
        {
            atoms.Add(new StrategyAtom(Symbol.Parse(s), "momentum", Direction.Long));
        }

        foreach (string s in selection.Short)
        {
            atoms.Add(new StrategyAtom(Symbol.Parse(s), "momentum", Direction.Short));
        }

        ReturnPanel streams = AtomSynthesizer.SynthesizePanel(returns.SliceRows(120, returns.RowCount - 120), atoms);
        result = WalkForwardBacktester.Run(streams, w =>
        {
            double[] weights = new double[w.ColumnCount];
            Array.Fill(weights, 1.0 / w.ColumnCount);
            return weights;
        }, new WalkForwardOptions());
        IReadOnlyList<PhysicalWeight> physical = WeightFlattener.Flatten(atoms, result.Rebalances[^1].Weights.ToArray());
        Assert.Equal(10, physical.Count);
        var sheet = TearSheet.FromReturns("crypto momentum", result.Dates, result.NetReturns, new PerformanceOptions { PeriodsPerYear = 365 }, result.Turnover);
        return TearSheetRenderer.ToHtml(sheet);
    }
}
