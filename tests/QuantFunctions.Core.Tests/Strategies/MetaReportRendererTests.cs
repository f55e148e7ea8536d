using QuantFunctions.Core.Strategies;

namespace QuantFunctions.Core.Tests.Strategies;

public sealed class MetaReportRendererTests
{
    private static MetaReport Report() => new()
    {
        Meta = "meta",
        RunId = "demo-meta",
        Pipeline = "demo/meta@1.0.0",
        AsOf = "2024-01-03T00:00:00.0000000+00:00",
        Completeness = [new CompletenessRow("crypto_long", "demo-meta", 10, 9, new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 10))],
        SignTests = [new SignTestResult("crypto_long", Direction.Long, 10, 0, 10, 0, null)],
        Weights = [new("crypto_long", 1.0)],
        ForensicTrace = "_meta/demo/runs/demo-meta/forensic_trace.json",
        AuditLedger = "_meta/demo/runs/demo-meta/audit.jsonl",
    };

    [Fact]
    public void Render_HasEveryRequiredSectionWithItsContent()
    {
        string md = MetaReportRenderer.Render(Report());
        foreach (string section in MetaReportRenderer.RequiredSections)
        {
            Assert.Contains("## " + section + "\n", md, StringComparison.Ordinal);
        }

        Assert.Contains("| crypto_long | demo-meta | 10 | 9 | 2024-01-01 | 2024-01-10 |", md, StringComparison.Ordinal);
        Assert.Contains("| crypto_long | LONG | 10 | 0 | 10 | 0 | pass |", md, StringComparison.Ordinal);
        Assert.Contains("_meta/demo/runs/demo-meta/forensic_trace.json", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Completeness")]
    [InlineData("Directional sign test")]
    [InlineData("Sleeve weights")]
    [InlineData("Forensic trace")]
    public void Validate_ReportWithoutARequiredSection_FailsNamingIt(string section)
    {
        string md = MetaReportRenderer.Render(Report()).Replace("## " + section + "\n", "## Something else\n", StringComparison.Ordinal);
        var ex = Assert.Throws<MetaGateException>(() => MetaReportRenderer.Validate(md));
        Assert.Equal("meta.report_incomplete", ex.Code.Value);
        Assert.Equal(section, ex.Subject);
    }

    [Fact]
    public void Validate_EmptySection_Fails()
    {
        string md = "## Completeness\n\n## Directional sign test\nx\n## Sleeve weights\nx\n## Forensic trace\nx\n";
        var ex = Assert.Throws<MetaGateException>(() => MetaReportRenderer.Validate(md));
        Assert.Equal("Completeness", ex.Subject);
    }
}
