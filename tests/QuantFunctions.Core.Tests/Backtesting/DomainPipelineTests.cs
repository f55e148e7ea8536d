using QuantFunctions.Core.Backtesting;
using QuantFunctions.Core.Calendars;
using QuantFunctions.Core.Features;
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
        FeatureHistory features = History(new FeatureSet().ComputeMany(crypto));
        DateOnly asOf = returns.Dates[299]; // the Hurst window (256 returns) is warm by then
        var selectionOptions = new SelectionOptions { Standard = SelectionStandards.V34, Lookback = 90, Floor = 5, MaxWinners = 5 };
        SelectionResult longs = SelectionEngine.Select(returns, features, asOf, selectionOptions, Direction.Long, 365);
        SelectionResult shorts = SelectionEngine.Select(returns, features, asOf, selectionOptions, Direction.Short, 365);
        Assert.Empty(longs.Winners.Intersect(shorts.Winners));
        var atoms = new List<StrategyAtom>();
        foreach (string s in longs.Winners)
        {
            atoms.Add(new StrategyAtom(Symbol.Parse(s), "selection", Direction.Long));
        }

        foreach (string s in shorts.Winners)
        {
            atoms.Add(new StrategyAtom(Symbol.Parse(s), "selection", Direction.Short));
        }

        ReturnPanel streams = AtomSynthesizer.SynthesizePanel(returns.SliceRows(300, returns.RowCount - 300), atoms);
        result = WalkForwardBacktester.Run(streams, w =>
        {
            double[] weights = new double[w.ColumnCount];
            Array.Fill(weights, 1.0 / w.ColumnCount);
            return weights;
        }, new WalkForwardOptions());
        IReadOnlyList<PhysicalWeight> physical = WeightFlattener.Flatten(atoms, result.Rebalances[^1].Weights.ToArray());
        Assert.Equal(10, physical.Count);
        var sheet = TearSheet.FromReturns("crypto selection", result.Dates, result.NetReturns, new PerformanceOptions { PeriodsPerYear = 365 }, result.Turnover);
        return TearSheetRenderer.ToHtml(sheet);
    }

    /// <summary>The feature store's long rows (as dataops.features writes them), keyed by bar date.</summary>
    internal static FeatureHistory History(IReadOnlyList<FeatureBlock> blocks)
    {
        var symbols = new List<string>();
        var dates = new List<DateOnly>();
        var columns = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (string c in FeatureColumns.All)
        {
            columns[c] = [];
        }

        foreach (FeatureBlock b in blocks)
        {
            for (int i = 0; i < b.RowCount; i++)
            {
                symbols.Add(b.Symbol);
                dates.Add(DateOnly.FromDateTime(b.Timestamps[i].UtcDateTime));
                foreach (string c in FeatureColumns.All)
                {
                    columns[c].Add(b.Column(c)[i]);
                }
            }
        }

        return new FeatureHistory(symbols, [.. dates], columns.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }
}
