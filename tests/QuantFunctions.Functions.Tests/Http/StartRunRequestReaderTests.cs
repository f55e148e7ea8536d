using QuantFunctions.Core.Errors;
using System.Text;
using QuantFunctions.Functions.Http;

namespace QuantFunctions.Functions.Tests.Http;

/// <summary>The start body: strict, typed, every member optional.</summary>
public sealed class StartRunRequestReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  \r\n")]
    [InlineData("{}")]
    public void Parse_EmptyOrEmptyObject_AllDefaults(string body)
    {
        ApiResult<StartRunRequest> parsed = StartRunRequestReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.True(parsed.IsOk);
        StartRunRequest request = parsed.Value!;
        Assert.Equal((null, null, null), (request.AsOf, request.Seed, request.RunId));
        Assert.Empty(request.Params);
    }

    [Fact]
    public void Parse_EveryMember_Bound()
    {
        const string Body = """{ "as_of": "2024-01-02T01:00:00+01:00", "seed": 7, "run_id": "my-run", "params": ["alpha.allocate:engine=hrp", "sleeves=[\"a\"]"] }""";

        StartRunRequest request = StartRunRequestReader.Parse(Encoding.UTF8.GetBytes(Body)).Value!;

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), request.AsOf);
        Assert.Equal(TimeSpan.Zero, request.AsOf!.Value.Offset); // normalised to UTC
        Assert.Equal((7, "my-run"), (request.Seed, request.RunId));
        Assert.Equal(["alpha.allocate:engine=hrp", "sleeves=[\"a\"]"], request.Params);
    }

    [Fact]
    public void Parse_Set_ValuesAsTextByName()
    {
        StartRunRequest request = StartRunRequestReader.Parse(Encoding.UTF8.GetBytes("""{ "set": { "sleeve": "equity_long", "top": 5, "flag": true, "list": ["a", "b"] } }""")).Value!;

        Assert.Equal(new Dictionary<string, string> { ["sleeve"] = "equity_long", ["top"] = "5", ["flag"] = "true", ["list"] = "[\"a\", \"b\"]" }, request.Set);
    }

    [Theory]
    [InlineData("""{ "set": ["sleeve=x"] }""")]
    [InlineData("""{ "set": { "sleeve": null } }""")]
    [InlineData("""{ "set": { "sleeve": "a", "sleeve": "b" } }""")]
    public void Parse_BadSet_BadSetProblem(string body)
    {
        ApiResult<StartRunRequest> parsed = StartRunRequestReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(ErrorCodes.BadSet, parsed.Problem!.Code);
        Assert.Contains("set", parsed.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateOnlyAsOf_MidnightUtcAsOnTheCli()
    {
        StartRunRequest request = StartRunRequestReader.Parse(Encoding.UTF8.GetBytes("""{ "as_of": "2024-01-02" }""")).Value!;

        Assert.Equal(new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero), request.AsOf);
    }

    [Theory]
    [InlineData("""{ "as_of": "2024-13-02T00:00:00Z" }""", "bad_as_of")]
    [InlineData("""{ "as_of": null }""", "bad_as_of")]
    [InlineData("""{ "seed": 4294967296 }""", "bad_seed")]
    [InlineData("""{ "params": [null] }""", "bad_params")]
    [InlineData("""{ "RUN_ID": "x" }""", "bad_json")]
    [InlineData("\"x\"", "bad_json")]
    public void Parse_Invalid_ProblemWithItsCode(string body, string code)
    {
        ApiResult<StartRunRequest> parsed = StartRunRequestReader.Parse(Encoding.UTF8.GetBytes(body));

        Assert.False(parsed.IsOk);
        Assert.Equal((400, code), (parsed.Problem.Status, parsed.Problem.Code.Value));
    }
}
