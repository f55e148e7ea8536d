using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Paths;

public sealed class LakePathResolverTests
{
    private static LakeIdentifier Id(string value) => LakeIdentifier.Parse(value);

    private static readonly SemVer V1 = SemVer.Parse("1.2.0");
    private static readonly RunId Run = RunId.Parse("20261121-0001");

    public static TheoryData<string, LakePath> Grammar() => new()
    {
        { "raw/binance/rest_api/ingest_date=2024-01-05/batch_0001.json", LakePathResolver.RawBatch(Id("binance"), Id("rest_api"), new DateOnly(2024, 1, 5), Id("batch_0001"), RawFormat.Json) },
        { "raw/nasdaq/eod/ingest_date=2024-12-31/b7.csv", LakePathResolver.RawBatch(Id("nasdaq"), Id("eod"), new DateOnly(2024, 12, 31), Id("b7"), RawFormat.Csv) },
        { "bronze/binance/spot/ohlcv/schema=v1/interval=1d/year=2024/part-b1.parquet", LakePathResolver.BronzePart(Id("binance"), Id("spot"), Id("ohlcv"), SchemaVersion.V1, BarInterval.Daily, 2024, null, Id("b1")) },
        { "bronze/binance/spot/ohlcv/schema=v1/interval=1h/year=2024/month=03/part-b1.parquet", LakePathResolver.BronzePart(Id("binance"), Id("spot"), Id("ohlcv"), SchemaVersion.V1, BarInterval.Hourly, 2024, 3, Id("b1")) },
        { "bronze/binance/spot/ohlcv/schema=v1/interval=4h/year=2024/month=12/part-b1.parquet", LakePathResolver.BronzePart(Id("binance"), Id("spot"), Id("ohlcv"), SchemaVersion.V1, BarInterval.FourHours, 2024, 12, Id("b1")) },
        { "silver/binance_spot/returns/version=1.2.0/daily_returns/year=2023/part-00007.parquet", LakePathResolver.SilverPart(Id("binance_spot"), Id("returns"), V1, Id("daily_returns"), 2023, 7) },
        { "gold/crypto_long_top10/sleeve/version=1.2.0/weights/run=20261121-0001/part-00000.parquet", LakePathResolver.GoldPart(Id("crypto_long_top10"), Id("sleeve"), V1, Id("weights"), Run, 0) },
        { "models/crypto_long_top10/inv_vol/version=1.2.0/fit/params.json", LakePathResolver.ModelArtifact(Id("crypto_long_top10"), Id("inv_vol"), V1, "fit/params.json") },
        { "_meta/pipelines/crypto_long_top10/sleeve/version=1.2.0/manifest.json", LakePathResolver.PipelineManifest(Id("crypto_long_top10"), Id("sleeve"), V1) },
        { "_meta/crypto_long_top10/runs/20261121-0001/run.json", LakePathResolver.RunRecord(Id("crypto_long_top10"), Run) },
        { "_meta/crypto_long_top10/runs/20261121-0001/stages/alpha.allocate@crypto_long/stage.json", LakePathResolver.StageRecord(Id("crypto_long_top10"), Run, NodeKey.Parse("alpha.allocate[crypto_long]")) },
        { "_meta/crypto_long_top10/runs/20261121-0001/audit.jsonl", LakePathResolver.AuditLedger(Id("crypto_long_top10"), Run) },
        { "_meta/crypto_long_top10/runs/20261121-0001/forensic_trace.json", LakePathResolver.ForensicTrace(Id("crypto_long_top10"), Run) },
        { "_meta/crypto_long_top10/models/inv_vol/registry.json", LakePathResolver.ModelRegistry(Id("crypto_long_top10"), Id("inv_vol")) },
        { "_meta/schemas/ohlcv/schema=v1.json", LakePathResolver.Schema(Id("ohlcv"), SchemaVersion.V1) },
        { "gold/crypto_long_top10/sleeve/version=1.2.0/report/run=20261121-0001/tearsheet.html", LakePathResolver.GoldFile(Id("crypto_long_top10"), Id("sleeve"), V1, Id("report"), Run, "tearsheet.html") },
        { "silver/us_equity/dataops/version=1.2.0/features/year=2023/b20240103000000-1a2b3c4d-00000.parquet", LakePathResolver.SilverFile(Id("us_equity"), Id("dataops"), V1, Id("features"), 2023, "b20240103000000-1a2b3c4d-00000.parquet") },
        { "silver/us_equity/dataops/version=1.2.0/health/run=20261121-0001/part-00000.parquet", LakePathResolver.SilverRunFile(Id("us_equity"), Id("dataops"), V1, Id("health"), Run, "part-00000.parquet") },
        { "silver/us_equity/dataops/version=1.2.0/health/run=20261121-0001/summary.md", LakePathResolver.SilverRunFile(Id("us_equity"), Id("dataops"), V1, Id("health"), Run, "summary.md") },
        { "_meta/equity/runs/20261121-0001/coverage_dataops_ingest.json", LakePathResolver.CoverageReport(Id("equity"), Run, NodeKey.Parse("dataops.ingest")) },
        { "_meta/equity/runs/20261121-0001/coverage_dataops_ingest_binance_.json", LakePathResolver.CoverageReport(Id("equity"), Run, NodeKey.Parse("dataops.ingest[binance]")) },
        { "_meta/calendars/xtae.json", LakePathResolver.UserCalendar("XTAE") },
        { "_meta/equity/pipelines/dataops_us_equity/latest.json", LakePathResolver.PipelineLatest(Id("equity"), Id("dataops_us_equity")) },
    };

    [Theory]
    [MemberData(nameof(Grammar))]
    public void Builders_EachKind_FollowArchitectureGrammar(string expected, LakePath built)
    {
        Assert.Equal(expected, built.Value);
    }

    [Theory]
    [MemberData(nameof(Grammar))]
    public void Parse_BuiltPath_ResolvesBackToSamePath(string expected, LakePath built)
    {
        LakeLocation location = LakePathResolver.Parse(built);

        Assert.Equal(expected, LakePathResolver.Resolve(location).Value);
    }

    [Fact]
    public void Parse_NamedGoldFile_KeepsItsNameBesideTheRun()
    {
        LakeLocation location = LakePathResolver.Parse(LakePath.Parse("gold/meta/meta/version=1.0.0/orders/run=demo-meta/orders.json"));

        Assert.Equal((LakeObjectKind.GoldFile, "meta", "orders", "demo-meta", "orders.json"),
            (location.Kind, location.Scope!.Value.Value, location.Dataset!.Value.Value, location.RunId!.Value.Value, location.Relative));
    }

    [Theory]
    [InlineData("Tearsheet.html")]
    [InlineData(".hidden")]
    [InlineData("a/b.json")]
    [InlineData("")]
    public void GoldFile_BadFileName_Throws(string fileName)
    {
        Assert.Throws<ArgumentException>(() => LakePathResolver.GoldFile(Id("s"), Id("p"), V1, Id("d"), Run, fileName));
    }

    [Fact]
    public void RunPaths_BuildTheRunsPathsWithTheResolver()
    {
        var paths = new RunPaths(Id("demo"), Id("meta"), V1, Run);

        Assert.Equal(LakePathResolver.GoldPart(Id("s"), Id("meta"), V1, Id("weights"), Run, 0), paths.GoldPart(Id("s"), Id("weights")));
        Assert.Equal("gold/s/meta/version=1.2.0/allocation/run=20261121-0001/allocation.json", paths.GoldFile(Id("s"), Id("allocation"), "allocation.json").Value);
        Assert.Equal("silver/u/meta/version=1.2.0/health/run=20261121-0001/summary.md", paths.SilverRunFile(Id("u"), Id("health"), "summary.md").Value);
        Assert.Equal("silver/u/meta/version=1.2.0/returns/year=2024/part-00000.parquet", paths.SilverPart(Id("u"), Id("returns"), 2024).Value);
        Assert.Equal("_meta/demo/runs/20261121-0001/coverage_dataops_ingest.json", paths.CoverageReport(NodeKey.Parse("dataops.ingest")).Value);
        Assert.Equal("_meta/pipelines/demo/dataops/version=1.0.0/manifest.json", paths.Manifest(Id("dataops"), SemVer.Parse("1.0.0")).Value);
        Assert.Equal(LakePathResolver.RunFolder(Id("demo"), Run), paths.RunFolder);
    }

    [Fact]
    public void Parse_IntradayBronzePart_ReturnsTypedParts()
    {
        LakeLocation l = LakePathResolver.Parse(LakePath.Parse("bronze/binance/spot/ohlcv/schema=v1/interval=1h/year=2024/month=03/part-b1.parquet"));

        Assert.Equal(LakeObjectKind.BronzePart, l.Kind);
        Assert.Equal(Id("binance"), l.Scope);
        Assert.Equal(Id("spot"), l.Product);
        Assert.Equal(Id("ohlcv"), l.Dataset);
        Assert.Equal(SchemaVersion.V1, l.SchemaVersion);
        Assert.Equal(BarInterval.Hourly, l.Interval);
        Assert.Equal(2024, l.Year);
        Assert.Equal(3, l.Month);
        Assert.Equal(Id("b1"), l.Batch);
    }

    [Fact]
    public void Parse_StageRecord_DecodesNodeKey()
    {
        LakeLocation l = LakePathResolver.Parse(LakePath.Parse("_meta/s1/runs/r1/stages/alpha.allocate@crypto_long/stage.json"));

        Assert.Equal(LakeObjectKind.StageRecord, l.Kind);
        Assert.Equal("alpha.allocate[crypto_long]", l.Node!.Value.Value);
        Assert.Equal(RunId.Parse("r1"), l.RunId);
    }

    [Theory]
    [InlineData("unknown/x/y", "unknown layer")]
    [InlineData("bronze/binance/spot/ohlcv/schema=v1/interval=1h/year=2024/part-b1.parquet", "intraday")]
    [InlineData("bronze/binance/spot/ohlcv/schema=v1/interval=1d/year=2024/month=01/part-b1.parquet", "daily")]
    [InlineData("bronze/binance/spot/ohlcv/schema=v1/interval=1d/year=24/part-b1.parquet", "year")]
    [InlineData("bronze/binance/spot/ohlcv/schema=v1/interval=1h/year=2024/month=3/part-b1.parquet", "canonical")]
    [InlineData("bronze/binance/spot/ohlcv/schema=v1/interval=15m/year=2024/part-b1.parquet", "interval")]
    [InlineData("bronze/Binance/spot/ohlcv/schema=v1/interval=1d/year=2024/part-b1.parquet", "market")]
    [InlineData("silver/u/p/version=1.0/d/year=2024/part-00000.parquet", "semantic version")]
    [InlineData("silver/u/p/version=1.0.0/d/year=2024/part-x.parquet", "part number")]
    [InlineData("raw/binance/api/ingest_date=2024-13-01/b.json", "ingest_date")]
    [InlineData("raw/binance/api/ingest_date=2024-01-01/b.xml", "json")]
    [InlineData("_meta/s/runs/r/other.json", "known _meta object")]
    [InlineData("gold/s/p/version=1.0.0/d/run=R1/part-00000.parquet", "run id")]
    public void Parse_OffGrammarPath_ThrowsNamingTheProblem(string path, string expectedInMessage)
    {
        var e = Assert.Throws<LakePathFormatException>(() => LakePathResolver.Parse(LakePath.Parse(path)));
        Assert.Equal(ErrorCodes.InvalidLakePath, e.Code);

        Assert.Contains(expectedInMessage, e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.Path.Value);
        Assert.Null(LakePathResolver.TryParse(LakePath.Parse(path)));
    }

    [Fact]
    public void BronzePartition_IntradayWithoutMonth_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => LakePathResolver.BronzePartition(Id("m"), Id("p"), Id("d"), SchemaVersion.V1, BarInterval.Hourly, 2024));

        Assert.Contains("need a month", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(10000)]
    public void SilverPartition_YearOutOfRange_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LakePathResolver.SilverPartition(Id("u"), Id("p"), V1, Id("d"), year));
    }

    [Theory]
    [InlineData("pipelines")]
    [InlineData("schemas")]
    public void RunRecord_ReservedScope_Throws(string scope)
    {
        var e = Assert.Throws<ArgumentException>(() => LakePathResolver.RunRecord(Id(scope), Run));

        Assert.Contains("reserved", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("Fit/params.json")]
    [InlineData(".hidden")]
    [InlineData("a//b")]
    public void ModelArtifact_BadRelativePath_Throws(string relative)
    {
        Assert.Throws<ArgumentException>(() => LakePathResolver.ModelArtifact(Id("s"), Id("m"), V1, relative));
    }

    [Fact]
    public void Builders_DefaultIdentifier_Throw()
    {
        Assert.Throws<ArgumentException>(() => LakePathResolver.RunRecord(default, Run));
        Assert.Throws<ArgumentException>(() => LakePathResolver.RunRecord(Id("s"), default));
    }

    [Fact]
    public void Resolve_LocationMissingPart_ThrowsNamingPart()
    {
        var e = Assert.Throws<ArgumentException>(() => LakePathResolver.Resolve(new LakeLocation { Kind = LakeObjectKind.RunRecord, Scope = Id("s") }));

        Assert.Contains("RunId", e.Message, StringComparison.Ordinal);
    }
}
