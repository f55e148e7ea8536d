using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Performance;
using QuantFunctions.Core.Reporting;

namespace QuantFunctions.Core.Tests.Reporting;

public sealed partial class TearSheetRendererTests
{
    private static TearSheet Sheet()
    {
        double[] r = [0.1, -0.05, 0.02, -0.1, 0.05];
        DateOnly[] d = [new(2024, 1, 2), new(2024, 1, 3), new(2024, 1, 4), new(2024, 1, 5), new(2024, 1, 8)];
        return TearSheet.FromReturns("Demo <sleeve> & co", d, r, new PerformanceOptions(), [1, 0, 0, 0.5, 0]);
    }

    [Fact]
    public void ToMarkdown_FiveReturns_TableWithInvariantNumbers()
    {
        string md = TearSheetRenderer.ToMarkdown(Sheet());

        // Values from the hand calculation in PerformanceCalculatorTests: total 0.727550%, MDD −12.79%, omega 1.13.
        Assert.StartsWith("# Demo <sleeve> & co\n", md, StringComparison.Ordinal);
        Assert.Contains("| Cumulative Return | 0.73% |", md, StringComparison.Ordinal);
        Assert.Contains("| Max Drawdown | -12.79% |", md, StringComparison.Ordinal);
        Assert.Contains("| Omega | 1.13 |", md, StringComparison.Ordinal);
        Assert.Contains("| Period | 2024-01-02 → 2024-01-08 |", md, StringComparison.Ordinal);
        Assert.Contains("on 2024-01-05", md, StringComparison.Ordinal);
        Assert.Contains("| Max DD Date | 2024-01-05 |", md, StringComparison.Ordinal);
        Assert.Contains("| Longest DD Days | 6 |", md, StringComparison.Ordinal); // Jan 3 → Jan 8, never recovered: 8 − 3 + 1
        Assert.Contains("| Turnover (ann.) | 75.60 |", md, StringComparison.Ordinal); // 1.5 / (5/252)
    }

    [Fact]
    public void ToHtml_FiveReturns_SelfContainedWithElevenWellFormedCharts()
    {
        string html = TearSheetRenderer.ToHtml(Sheet());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Demo &lt;sleeve&gt; &amp; co</title>", html, StringComparison.Ordinal);
        AssertSelfContained(html);

        // No benchmark, no weights, no funnel, no regime: the charts that need them are absent.
        Assert.Equal(
            ["cumulative", "cumulative-log", "eoy-returns", "monthly-heatmap", "return-distribution", "rolling-volatility", "rolling-sharpe", "rolling-sortino", "worst-drawdowns", "underwater", "turnover"],
            Charts(html).Select(c => (string)c.Attribute("data-chart")!));

        // 5 points on the cumulative line; the first x is the left margin.
        XElement line = Charts(html)[0].Descendants(Svg + "polyline").Single(e => (string?)e.Attribute("data-series") == "strategy");
        string points = line.Attribute("points")!.Value;
        Assert.Equal(5, points.Split(' ').Length);
        Assert.StartsWith("64,", points, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_WithBenchmark_ThreeColumnTable()
    {
        TearSheet plain = Sheet();
        TearSheet sheet = TearSheet.Create(plain.Input with { Benchmark = new BenchmarkSeries("flat 1%", [0.01, 0.01, 0.01, 0.01, 0.01]) }, plain.Options);

        string md = TearSheetRenderer.ToMarkdown(sheet);

        // Benchmark total 1.01⁵ − 1 = 5.10 %, no drawdown; the strategy column as in the two-column test.
        Assert.Contains("| Metric | Strategy | Benchmark |", md, StringComparison.Ordinal);
        Assert.Contains("| Cumulative Return | 0.73% | 5.10% |", md, StringComparison.Ordinal);
        Assert.Contains("| Max Drawdown | -12.79% | 0.00% |", md, StringComparison.Ordinal);
        Assert.Contains("Benchmark: flat 1%.", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_FullSheet_EveryChartWithDataMarks()
    {
        TearSheet sheet = TearSheetSamples.Full();
        string html = TearSheetRenderer.ToHtml(sheet);
        AssertSelfContained(html);
        List<XElement> charts = Charts(html);
        Assert.Equal(15, charts.Count);
        foreach (XElement chart in charts)
        {
            Assert.True(chart.Descendants().Any(e => (string?)e.Attribute("class") == "d"), $"chart {chart.Attribute("data-chart")} has no data mark");
        }

        // Five shaded periods on the equity curve (the sample has more than five drawdowns).
        Assert.True(DrawdownAnalysis.Episodes(sheet.Drawdown).Length > 5);
        XElement worst = charts.Single(c => (string?)c.Attribute("data-chart") == "worst-drawdowns");
        Assert.Equal(5, worst.Descendants(Svg + "rect").Count(e => (string?)e.Attribute("class") == "d"));

        // One stacked band per held column (six, fewer than the eight shown separately), named as the columns.
        XElement weights = charts.Single(c => (string?)c.Attribute("data-chart") == "weights");
        Assert.Equal(["A6", "A5", "A4", "A3", "A2", "A1"], weights.Descendants(Svg + "polygon").Select(e => (string)e.Attribute("data-series")!));

        // The funnel's bars are proportional to the counts: 64/120 of the longest.
        XElement funnel = charts.Single(c => (string?)c.Attribute("data-chart") == "selection-funnel");
        double[] widths = [.. funnel.Descendants(Svg + "rect").Where(e => (string?)e.Attribute("class") == "d").Select(e => double.Parse(e.Attribute("width")!.Value, CultureInfo.InvariantCulture))];
        Assert.Equal(64.0 / 120, widths[1] / widths[0], 0.01);
        Assert.Contains("Selected (3): AAA, BBB, CCC", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BenchmarkOfOtherLength_ShapeMismatch()
    {
        TearSheet plain = Sheet();
        var ex = Assert.Throws<DomainValidationException>(() => TearSheet.Create(plain.Input with { Benchmark = new BenchmarkSeries("b", [0.01]) }, plain.Options));
        Assert.Equal(ErrorCodes.ShapeMismatch, ex.Code);
    }

    [Fact]
    public void Create_WeightsOfOtherShape_ShapeMismatch()
    {
        TearSheet plain = Sheet();
        var ex = Assert.Throws<DomainValidationException>(() => TearSheet.Create(plain.Input with { Weights = new WeightHistory(["A", "B"], new double[9]) }, plain.Options));
        Assert.Equal(ErrorCodes.ShapeMismatch, ex.Code);
    }

    [Fact]
    public void Render_SameSheetTwice_IdenticalOutput()
    {
        Assert.Equal(TearSheetRenderer.ToHtml(TearSheetSamples.Full()), TearSheetRenderer.ToHtml(TearSheetSamples.Full()));
        Assert.Equal(TearSheetRenderer.ToHtml(Sheet()), TearSheetRenderer.ToHtml(Sheet()));
        Assert.Equal(TearSheetRenderer.ToMarkdown(Sheet()), TearSheetRenderer.ToMarkdown(Sheet()));
    }

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<XElement> Charts(string html) => [.. SvgPattern().Matches(html).Select(m => XElement.Parse(m.Value))];

    /// <summary>No script, no external resource: the only URL is the SVG namespace.</summary>
    private static void AssertSelfContained(string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=", html, StringComparison.Ordinal);
        Assert.Equal(Charts(html).Count, Regex.Count(html, "https?://"));
    }

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
