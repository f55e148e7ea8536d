using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Features;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Selection;
using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Selection;

/// <summary>Each veto on a hand-built table: one asset trips one veto (values written per asset), the rest are clean.</summary>
public sealed class VetoTests
{
    [Theory]
    [InlineData(FeatureColumns.Kurtosis, 20.5, VetoReasons.Kurtosis)]        // > 20
    [InlineData(FeatureColumns.RealisedVolatility, 2.6, VetoReasons.Volatility)] // > 2.5
    [InlineData(FeatureColumns.Roc, 101, VetoReasons.Roc)]                   // > 100 %
    [InlineData(FeatureColumns.Roc, -81, VetoReasons.Roc)]                   // < −80 %
    [InlineData(FeatureColumns.PermutationEntropy, 0.9992, VetoReasons.Entropy)] // crypto bound 0.999
    [InlineData(FeatureColumns.Hurst, 0.51, VetoReasons.Hurst)]              // |0.51 − 0.5| < 0.02
    [InlineData(FeatureColumns.EfficiencyRatio, 0.04, VetoReasons.Efficiency)] // < 0.05
    [InlineData(FeatureColumns.Adx, double.NaN, null)]                       // v2.1 does not read ADX: no veto
    [InlineData(FeatureColumns.Hurst, double.NaN, VetoReasons.Hurst)]        // warm-up: predictability not established
    [InlineData(FeatureColumns.Kurtosis, double.NaN, VetoReasons.FeatureMissing)] // warm-up of a risk feature: out
    public void Select_OneAssetTripsOneVeto_RecordsExactlyThatReason(string feature, double value, string? reason)
    {
        ReturnPanel returns = SelectionFixture.Returns(6, 120, seed: 7);
        FeatureHistory features = SelectionFixture.Features(returns.Columns, returns.Dates[^1], s =>
        {
            Dictionary<string, double> v = SelectionFixture.Clean();
            if (s == "A02")
            {
                v[feature] = value;
            }

            return v;
        });

        SelectionResult r = SelectionEngine.Select(returns, features, returns.Dates[^1], SelectionFixture.Options(floor: 1), Direction.Long, 365);

        Assert.Equal(reason is null ? [] : [reason], r.Candidates.Single(c => c.Symbol == "A02").Vetoes);
        Assert.All(r.Candidates.Where(c => c.Symbol != "A02"), c => Assert.Empty(c.Vetoes));
    }

    [Fact]
    public void Select_EntropyBound_IsLooserForCrypto()
    {
        // 0.997 is above the TradFi bound 0.995 and below the crypto bound 0.999.
        ReturnPanel returns = SelectionFixture.Returns(3, 120, seed: 3);
        FeatureHistory features = SelectionFixture.Features(returns.Columns, returns.Dates[^1], _ => Set(SelectionFixture.Clean(), FeatureColumns.PermutationEntropy, 0.997));
        SelectionOptions options = SelectionFixture.Options(floor: 1);

        Assert.All(SelectionEngine.Select(returns, features, returns.Dates[^1], options, Direction.Long, 252).Candidates, c => Assert.Equal([VetoReasons.Entropy], c.Vetoes));
        Assert.All(SelectionEngine.Select(returns, features, returns.Dates[^1], options, Direction.Long, 365).Candidates, c => Assert.Empty(c.Vetoes));
    }

    [Fact]
    public void Select_AlternatingReturns_FrictionVeto()
    {
        // A00 alternates ±0.05: Roll's spread 2√(0.05²·…) ≈ 0.1 > 0.02; the others are iid with sd 0.005.
        ReturnPanel baseline = SelectionFixture.Returns(4, 120, seed: 5, sd: 0.005);
        double[] values = baseline.Values.ToArray();
        for (int t = 0; t < 120; t++)
        {
            values[t] = t % 2 == 0 ? 0.05 : -0.05;
        }

        var returns = new ReturnPanel(baseline.Dates, baseline.Columns, values);
        FeatureHistory features = SelectionFixture.Features(returns.Columns, returns.Dates[^1], _ => SelectionFixture.Clean());

        SelectionResult r = SelectionEngine.Select(returns, features, returns.Dates[^1], SelectionFixture.Options(floor: 1), Direction.Long, 365);

        Assert.Equal([VetoReasons.Friction], r.Candidates[0].Vetoes);
        Assert.All(r.Candidates.Skip(1), c => Assert.Empty(c.Vetoes));
    }

    [Fact]
    public void Select_SymbolWithoutFeatureRows_FeatureMissing_AndMissingColumnNamesIt()
    {
        ReturnPanel returns = SelectionFixture.Returns(3, 120, seed: 9);
        FeatureHistory features = SelectionFixture.Features(returns.Columns, returns.Dates[^1], s => s == "A01" ? null : SelectionFixture.Clean());
        SelectionResult r = SelectionEngine.Select(returns, features, returns.Dates[^1], SelectionFixture.Options(floor: 1), Direction.Long, 365);
        Assert.Equal([VetoReasons.FeatureMissing], r.Candidates[1].Vetoes);

        var noHurst = new FeatureHistory([], [], new Dictionary<string, double[]> { [FeatureColumns.PermutationEntropy] = [] });
        var ex = Assert.Throws<SelectionException>(() => SelectionEngine.Select(returns, noHurst, returns.Dates[^1], SelectionFixture.Options(), Direction.Long, 365));
        Assert.Equal(ErrorCodes.MissingFeature, ex.Code);
        Assert.Contains("'hurst'", ex.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, double> Set(Dictionary<string, double> v, string key, double value)
    {
        v[key] = value;
        return v;
    }
}
