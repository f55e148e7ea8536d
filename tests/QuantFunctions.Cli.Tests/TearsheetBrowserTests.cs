using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// The demo's tear sheets as the pipeline writes them, in headless Chromium: no console or script error, every chart
/// drawn; with a selection funnel and a regime artifact in the run, <c>report.tearsheet</c> adds their charts, and a
/// funnel of another shape fails the node with <c>report.artifact_invalid</c>. Screenshots go to <c>TestResults/browser/</c>.
/// </summary>
[Collection(DemoLakeCollection.Name)]
public sealed class TearsheetBrowserTests(DemoLake demo)
{
    private const string Report = "report/run=demo-meta";
    private const string Funnel = """
        {"sleeve":"crypto_long","standard":"v4","as_of":"2024-01-02T00:00:00Z","htr_stage":"3.4",
         "stages":[{"name":"universe","count":40},{"name":"foundation gate","count":25},{"name":"scorer","count":14},{"name":"htr","count":10}],
         "winners":["BTCUSDT","ETHUSDT"]}
        """;

    [ChromiumFact]
    public async Task DemoSleeveAndMeta_InChromium_NoErrorsEveryChartDrawn()
    {
        demo.Demo.AssertExit(0);
        string sleeve = demo.PathOf($"gold/crypto_long/meta/version=1.0.0/{Report}/tearsheet.html");
        string meta = demo.PathOf($"gold/meta/meta/version=1.0.0/{Report}/tearsheet.html");

        string[] sleeveCharts = await AssertLoadsCleanAsync(sleeve, "demo-sleeve-tearsheet.png");
        string[] metaCharts = await AssertLoadsCleanAsync(meta, "demo-meta-tearsheet.png");

        // Both have a benchmark (rolling beta) and weights; the sleeve shows its selection funnel and regime (alpha.select,
        // alpha.regime), the meta-portfolio has neither.
        Assert.Contains("rolling-beta", sleeveCharts);
        Assert.Contains("weights", metaCharts);
        Assert.Equal(["selection-funnel", "regime"], sleeveCharts[^2..]);
        Assert.DoesNotContain("selection-funnel", metaCharts);
        Assert.Contains("Benchmark: equal-weight crypto_spot", await File.ReadAllTextAsync(sleeve), StringComparison.Ordinal);
        Assert.Contains("Benchmark: equal-weight sleeves (4)", await File.ReadAllTextAsync(meta), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task StageRun_WithFunnelAndRegime_TearSheetShowsBoth()
    {
        using TempDirectory copy = demo.Copy();
        string gold = Path.Combine(copy.Path, "gold", "crypto_long", "meta", "version=1.0.0");
        DeleteReport(gold);
        Write(Path.Combine(gold, "funnel", "run=demo-meta", "funnel.json"), Funnel);
        Write(Path.Combine(gold, "regime", "run=demo-meta", "regime.json"), """
            {"model_id":"hmm","version":"1.0.0","as_of":"2024-01-02","label":"bull","quadrant":"low_vol",
             "series":[{"date":"2023-06-01","label":"bear","quadrant":"high_vol"},{"date":"2023-09-01","label":"bull","quadrant":"low_vol"},{"date":"2023-12-01","label":"bull","quadrant":"high_vol"}]}
            """);

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "stage", "run", "report.sleeve[crypto_long]", "--run-id", "demo-meta");

        outcome.AssertExit(0);
        string html = Path.Combine(gold, "report", "run=demo-meta", "tearsheet.html");
        string[] charts = await AssertLoadsCleanAsync(html, "demo-sleeve-funnel-regime-tearsheet.png");
        Assert.Equal(["selection-funnel", "regime"], charts[^2..]);
        string md = await File.ReadAllTextAsync(Path.Combine(gold, "report", "run=demo-meta", "tearsheet.md"));
        Assert.Contains("Winners (2): BTCUSDT, ETHUSDT", md, StringComparison.Ordinal);
        Assert.Contains("bull, volatility quadrant low_vol (model hmm 1.0.0", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StageRun_FunnelOfAnotherShape_FailsWithArtifactInvalid()
    {
        using TempDirectory copy = demo.Copy();
        string gold = Path.Combine(copy.Path, "gold", "crypto_long", "meta", "version=1.0.0");
        DeleteReport(gold);
        Write(Path.Combine(gold, "funnel", "run=demo-meta", "funnel.json"), Funnel.Replace("\"count\":40", "\"count\":\"forty\"", StringComparison.Ordinal));

        CliOutcome outcome = await CliHarness.RunAsync(copy.Path, "stage", "run", "report.sleeve[crypto_long]", "--run-id", "demo-meta");

        outcome.AssertExit(1);
        Assert.Contains("report.artifact_invalid", outcome.All, StringComparison.Ordinal);
        Assert.Contains("funnel.json", outcome.All, StringComparison.Ordinal);
    }

    /// <summary>Loads the page in Chromium, asserts no error and a drawing in every chart, keeps a screenshot; returns the chart ids.</summary>
    private static async Task<string[]> AssertLoadsCleanAsync(string htmlFile, string screenshot)
    {
        string png = Path.Combine(RepositoryRoot.Find(), "TestResults", "browser", screenshot);

        PageCheck page = await HeadlessChromium.CheckAsync(await File.ReadAllTextAsync(htmlFile), png);

        Assert.Equal("[]", page.Errors);
        Assert.DoesNotContain(":CONSOLE", page.Log, StringComparison.Ordinal);
        Assert.All(page.Charts, c => Assert.True(c.Drawn >= 1 && c.Width > 100 && c.Height > 5, $"{htmlFile}: chart not drawn: {c}"));
        Assert.True(page.Charts.Count >= 11, $"{htmlFile}: {page.Charts.Count} charts");
        Assert.True(new FileInfo(png).Length > 10_000, "screenshot missing or empty");
        return [.. page.Charts.Select(c => c.Chart)];
    }

    private static void DeleteReport(string gold) => Directory.Delete(Path.Combine(gold, "report"), recursive: true);

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
