using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Core.Market;
using QuantFunctions.Core.Reporting;
using QuantFunctions.Stages.Reporting;

namespace QuantFunctions.Stages.Tests.Reporting;

/// <summary>The funnel and regime artifacts in the shapes agreed with the selection and regime stages.</summary>
public sealed class TearsheetArtifactsTests
{
    [Fact]
    public void ParseFunnel_AgreedShape_StagesAndWinners()
    {
        var root = JsonNode.Parse("""
            {"sleeve":"crypto_long","standard":"v4","as_of":"2024-01-02T00:00:00Z","htr_stage":3.4,
             "stages":[{"name":"universe","count":50},{"name":"gate","count":20}],"winners":["BTC",{"symbol":"ETH","score":1.2}]}
            """)!.AsObject();

        SelectionFunnel f = TearsheetArtifacts.ParseFunnel(root, "funnel.json");

        Assert.Equal(("v4", "2024-01-02T00:00:00Z", "3.4"), (f.Standard, f.AsOf, f.HtrStage));
        Assert.Equal([new FunnelStage("universe", 50), new FunnelStage("gate", 20)], f.Stages);
        Assert.Equal(["BTC", "ETH"], f.Winners);
    }

    [Theory]
    [InlineData("""{"standard":"v4","as_of":"x","htr_stage":"3.4","stages":[{"name":"u","count":-1}],"winners":[]}""", "count")]
    [InlineData("""{"standard":"v4","as_of":"x","htr_stage":"3.4","winners":[]}""", "stages")]
    [InlineData("""{"standard":"v4","as_of":"x","htr_stage":"3.4","stages":[],"winners":[7]}""", "winners[]")]
    public void ParseFunnel_OtherShape_ArtifactInvalidNamingTheField(string json, string field)
    {
        var ex = Assert.Throws<DomainValidationException>(() => TearsheetArtifacts.ParseFunnel(JsonNode.Parse(json)!.AsObject(), "funnel.json"));

        Assert.Equal(ErrorCodes.ReportArtifactInvalid, ex.Code);
        Assert.Contains($"'{field}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRegime_AgreedShape_Series()
    {
        var root = JsonNode.Parse("""
            {"model_id":"hmm2","version":"1.0.0","as_of":"2024-01-02","label":"bear","quadrant":"high_vol",
             "series":[{"date":"2023-12-29","label":"bull","quadrant":"low_vol"},{"date":"2024-01-02","label":"bear","quadrant":"high_vol"}]}
            """)!.AsObject();

        RegimeView r = TearsheetArtifacts.ParseRegime(root, "regime.json");

        Assert.Equal(("hmm2", "bear", "high_vol"), (r.ModelId, r.Label, r.Quadrant));
        Assert.Equal([new RegimePoint(new(2023, 12, 29), "bull", "low_vol"), new RegimePoint(new(2024, 1, 2), "bear", "high_vol")], r.Series);
    }

    [Fact]
    public void ParseRegime_DatesNotIncreasing_ArtifactInvalid()
    {
        var root = JsonNode.Parse("""
            {"model_id":"m","version":"1","as_of":"a","label":"l","quadrant":"q",
             "series":[{"date":"2024-01-02","label":"l","quadrant":"q"},{"date":"2024-01-02","label":"l","quadrant":"q"}]}
            """)!.AsObject();

        Assert.Equal(ErrorCodes.ReportArtifactInvalid, Assert.Throws<DomainValidationException>(() => TearsheetArtifacts.ParseRegime(root, "regime.json")).Code);
    }
}
