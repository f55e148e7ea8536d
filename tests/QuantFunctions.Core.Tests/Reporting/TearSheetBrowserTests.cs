using QuantFunctions.Core.Reporting;
using QuantFunctions.Testing;

namespace QuantFunctions.Core.Tests.Reporting;

/// <summary>
/// The HTML tear sheet in a real browser (headless Chromium): it loads without a console or script error, every
/// chart has a drawing with a non-empty extent, and a screenshot is kept in <c>TestResults/browser/</c>.
/// </summary>
public sealed class TearSheetBrowserTests
{
    private static readonly string[] ExpectedCharts =
    [
        "cumulative", "cumulative-log", "eoy-returns", "monthly-heatmap", "return-distribution", "rolling-volatility", "rolling-sharpe",
        "rolling-sortino", "rolling-beta", "worst-drawdowns", "underwater", "weights", "turnover", "selection-funnel", "regime",
    ];

    [ChromiumFact]
    public async Task FullTearSheet_InChromium_NoErrorsAndEveryChartDrawn()
    {
        string html = TearSheetRenderer.ToHtml(TearSheetSamples.Full());
        string png = Path.Combine(RepositoryRoot.Find(), "TestResults", "browser", "tearsheet.png");

        PageCheck page = await HeadlessChromium.CheckAsync(html, png);

        Assert.Equal("[]", page.Errors);
        Assert.DoesNotContain(":CONSOLE", page.Log, StringComparison.Ordinal);
        Assert.Equal(ExpectedCharts, page.Charts.Select(c => c.Chart));
        foreach (ChartDrawing c in page.Charts)
        {
            Assert.True(c.Drawn >= 1, $"no data mark with a non-empty box: {c}");

            // The marks spread over the plot: wider than a quarter of the 684-px plot area (a single point or a stub fails).
            Assert.True(c.Width > 171 && c.Height > 5, $"drawing too small: {c}");
        }

        Assert.True(new FileInfo(png).Length > 10_000, "screenshot missing or empty");
    }

    /// <summary>The probe is the error detector of the test above: a page with a thrown error, a console error and a missing resource trips all three.</summary>
    [ChromiumFact]
    public async Task BrokenPage_InChromium_ProbeAndLogReportTheErrors()
    {
        const string Broken = "<!DOCTYPE html>\n<html><head><title>x</title></head><body><svg data-chart=\"empty\"></svg>"
            + "<script>console.error('deliberate');</script><script>notDefined();</script><img src=\"missing.png\"></body></html>";

        PageCheck page = await HeadlessChromium.CheckAsync(Broken);

        Assert.Contains("console.error: deliberate", page.Errors, StringComparison.Ordinal);
        Assert.Contains("notDefined is not defined", page.Errors, StringComparison.Ordinal);
        Assert.Contains("missing.png", page.Errors, StringComparison.Ordinal);
        Assert.Contains(":CONSOLE", page.Log, StringComparison.Ordinal);
        Assert.Equal([new ChartDrawing("empty", 0, 0, 0, 0)], page.Charts);
    }
}
