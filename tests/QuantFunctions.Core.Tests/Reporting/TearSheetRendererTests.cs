using System.Text.RegularExpressions;
using System.Xml.Linq;
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
    public void ToHtml_FiveReturns_SelfContainedWithTwoWellFormedSvgCharts()
    {
        string html = TearSheetRenderer.ToHtml(Sheet());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Demo &lt;sleeve&gt; &amp; co</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        MatchCollection svgs = SvgPattern().Matches(html);
        Assert.Equal(2, svgs.Count);
        foreach (Match svg in svgs)
        {
            XElement e = XElement.Parse(svg.Value);
            Assert.Equal("svg", e.Name.LocalName);
            Assert.NotNull(e.Element(e.Name.Namespace + "polyline"));
        }

        // 5 points on the equity line; the first x is the left margin.
        string points = XElement.Parse(svgs[0].Value).Element(XNamespace.Get("http://www.w3.org/2000/svg") + "polyline")!.Attribute("points")!.Value;
        Assert.Equal(5, points.Split(' ').Length);
        Assert.StartsWith("64,", points, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameSheetTwice_IdenticalOutput()
    {
        Assert.Equal(TearSheetRenderer.ToHtml(Sheet()), TearSheetRenderer.ToHtml(Sheet()));
        Assert.Equal(TearSheetRenderer.ToMarkdown(Sheet()), TearSheetRenderer.ToMarkdown(Sheet()));
    }

    [GeneratedRegex("<svg.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();
}
