using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Regime;

namespace QuantFunctions.Core.Tests.Regime;

public sealed class RegimeDetectorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FitAndDecode_PlantedThreeRegimes_RecoversAtLeast90PercentOfDays(int seed)
    {
        // 2,520 days (ten years) of the documented generator (PlantedRegimes); planted state 0/1/2 = NORMAL/TURBULENT/CRISIS.
        (double[] returns, int[] planted) = PlantedRegimes.Generate(seed, 2520);
        DateOnly[] dates = Dates(returns.Length);

        RegimeModel model = RegimeDetector.Fit(returns, new RegimeOptions { Fit = new HmmFitOptions { Seed = seed } });
        RegimeSeries series = RegimeDetector.Decode(model, dates, returns);

        int hits = 0;
        for (int i = 0; i < series.Labels.Length; i++)
        {
            hits += (int)series.Labels[i] == planted[series.WarmupDropped + i] ? 1 : 0;
        }

        double accuracy = hits / (double)series.Labels.Length;
        Assert.True(accuracy >= 0.90, $"recovered {accuracy:P1} of days");
        Assert.Equal(31, series.WarmupDropped);
        Assert.Equal(2520 - 31, series.Labels.Length);
        Assert.Equal(dates[31], series.Dates[0]);
    }

    [Fact]
    public void Fit_TwoStates_LabelsNormalAndCrisis()
    {
        (double[] returns, _) = PlantedRegimes.Generate(4, 800, states: 2);

        RegimeModel model = RegimeDetector.Fit(returns, new RegimeOptions { Fit = new HmmFitOptions { States = 2 } });

        Assert.Equal([RegimeLabel.Normal, RegimeLabel.Crisis], model.StateLabels);
        Assert.Equal(["ret", "dwt_energy:haar1:w32", "perm_entropy:m3:w32"], model.FeatureSchema);
        Assert.Equal(800 - 31, model.Metrics.TrainingRows);
    }

    [Fact]
    public void Decode_ModelOfAnotherWindow_IsShapeMismatch()
    {
        (double[] returns, _) = PlantedRegimes.Generate(4, 400);
        RegimeModel model = RegimeDetector.Fit(returns, new RegimeOptions { Fit = new HmmFitOptions { States = 2, Restarts = 2 } });
        RegimeModel other = model with { FeatureSchema = RegimeFeatures.Schema(16) };

        var ex = Assert.Throws<DomainValidationException>(() => RegimeDetector.Decode(other, Dates(400), returns));
        Assert.Equal(ErrorCodes.ShapeMismatch, ex.Code);
    }

    [Fact]
    public void Options_FourStates_AreRejected()
    {
        var ex = Assert.Throws<DomainValidationException>(() => RegimeDetector.Fit(new double[100], new RegimeOptions { Fit = new HmmFitOptions { States = 4 } }));
        Assert.Equal(ErrorCodes.InvalidInput, ex.Code);
    }

    [Fact]
    public void ClusterCaps_FollowTheSeed()
    {
        // Seed 001 §2.3: Normal 0.25, Turbulent 0.20, Crisis 0.15.
        Assert.Equal(0.25, RegimeLabels.ClusterCap(RegimeLabel.Normal));
        Assert.Equal(0.20, RegimeLabels.ClusterCap(RegimeLabel.Turbulent));
        Assert.Equal(0.15, RegimeLabels.ClusterCap(RegimeLabel.Crisis));
        Assert.Equal([RegimeLabel.Normal, RegimeLabel.Turbulent, RegimeLabel.Crisis], RegimeLabels.ForStates(3));
    }

    internal static DateOnly[] Dates(int n)
    {
        var dates = new DateOnly[n];
        for (int i = 0; i < n; i++)
        {
            dates[i] = new DateOnly(2015, 1, 1).AddDays(i);
        }

        return dates;
    }
}
