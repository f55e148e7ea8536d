using System.Text.Json;
using System.Text.RegularExpressions;
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
        using var dir = new TempDirectory();
        string html = TearSheetRenderer.ToHtml(TearSheetSamples.Full());
        string page = dir.Combine("tearsheet.html");
        await File.WriteAllTextAsync(page, WithProbe(html), CancellationToken.None);

        (string dom, string log) = await HeadlessChromium.DumpDomAsync(page, CancellationToken.None);

        Assert.Equal("[]", Pre(dom, "qf-probe"));
        Assert.DoesNotContain(":CONSOLE", log, StringComparison.Ordinal);
        using JsonDocument charts = JsonDocument.Parse(Pre(dom, "qf-charts"));
        var seen = new List<string>();
        foreach (JsonElement c in charts.RootElement.EnumerateArray())
        {
            string id = c.GetProperty("chart").GetString()!;
            seen.Add(id);
            Assert.True(c.GetProperty("drawn").GetInt32() >= 1, $"chart {id}: no data mark with a non-empty box ({c})");

            // The marks spread over the plot: wider than a quarter of the 684-px plot area (a single point or a flat stub fails).
            Assert.True(c.GetProperty("width").GetDouble() > 171, $"chart {id}: drawing only {c.GetProperty("width").GetDouble()} px wide");
            Assert.True(c.GetProperty("height").GetDouble() > 5, $"chart {id}: drawing only {c.GetProperty("height").GetDouble()} px high");
        }

        Assert.Equal(ExpectedCharts, seen);

        string png = Path.Combine(RepositoryRoot.Find(), "TestResults", "browser", "tearsheet.png");
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        File.Delete(png);
        await HeadlessChromium.ScreenshotAsync(page, png, 1600, 4200, CancellationToken.None);
        Assert.True(new FileInfo(png).Length > 10_000, "screenshot missing or empty");
    }

    /// <summary>The probe is the error detector of the test above: a page with a thrown error, a console error and a missing resource trips all three.</summary>
    [ChromiumFact]
    public async Task BrokenPage_InChromium_ProbeAndLogReportTheErrors()
    {
        using var dir = new TempDirectory();
        string page = dir.Combine("broken.html");
        const string Broken = "<!DOCTYPE html>\n<html><head><title>x</title></head><body><svg data-chart=\"empty\"></svg>"
            + "<script>console.error('deliberate');</script><script>notDefined();</script><img src=\"missing.png\"></body></html>";
        await File.WriteAllTextAsync(page, WithProbe(Broken), CancellationToken.None);

        (string dom, string log) = await HeadlessChromium.DumpDomAsync(page, CancellationToken.None);

        string probe = Pre(dom, "qf-probe");
        Assert.Contains("console.error: deliberate", probe, StringComparison.Ordinal);
        Assert.Contains("notDefined is not defined", probe, StringComparison.Ordinal);
        Assert.Contains("missing.png", probe, StringComparison.Ordinal);
        Assert.Contains(":CONSOLE", log, StringComparison.Ordinal);
        Assert.Equal("[{\"chart\":\"empty\",\"marks\":0,\"drawn\":0,\"width\":0,\"height\":0}]", Pre(dom, "qf-charts"));
    }

    private static string WithProbe(string html) => html.Replace("<head>", "<head>\n" + HeadlessChromium.Probe, StringComparison.Ordinal);

    private static string Pre(string dom, string id)
    {
        Match m = Regex.Match(dom, $"<pre id=\"{id}\">(.*?)</pre>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no <pre id=\"{id}\"> in the DOM dump: {dom[..Math.Min(dom.Length, 400)]}");
        return System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
    }
}
