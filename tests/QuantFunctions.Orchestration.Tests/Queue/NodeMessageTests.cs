using System.Diagnostics;
using QuantFunctions.Orchestration.Queue;

namespace QuantFunctions.Orchestration.Tests.Queue;

public sealed class NodeMessageTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"; // W3C Trace Context spec example

    [Fact]
    public void ToJson_RoundTrip_KeepsEveryField()
    {
        var message = new NodeMessage { RunId = "r1", Scope = "demo", Node = "alpha.select[crypto_long]", Attempt = 2, TraceParent = TraceParent };

        string json = message.ToJson();
        NodeMessage parsed = NodeMessage.Parse(json);

        Assert.Equal(message, parsed);
        Assert.Contains("\"run_id\":\"r1\"", json, StringComparison.Ordinal);
        Assert.Equal("demo/r1/alpha.select[crypto_long]/2", parsed.Key);
    }

    [Fact]
    public void ParentContext_W3CTraceParent_IsTheRemoteParent()
    {
        var message = new NodeMessage { RunId = "r1", Scope = "demo", Node = "n", Attempt = 1, TraceParent = TraceParent };

        ActivityContext context = message.ParentContext();

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", context.TraceId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", context.SpanId.ToHexString());
        Assert.True(context.IsRemote);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"run_id":"r1","scope":"demo","attempt":1}""", "'node'")]
    [InlineData("""{"run_id":"r1","scope":"demo","node":"n","attempt":0}""", "'attempt'")]
    [InlineData("null", "'run_id'")]
    public void Parse_InvalidMessage_ThrowsFormatExceptionNamingTheProblem(string json, string expected)
    {
        FormatException ex = Assert.Throws<FormatException>(() => NodeMessage.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HeartbeatNotShorterThanVisibility_ThrowsNamingTheOption()
    {
        var options = new QueueRunnerOptions { VisibilityTimeout = TimeSpan.FromSeconds(5), HeartbeatInterval = TimeSpan.FromSeconds(5) };

        var ex = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => options.Validate());
        Assert.Contains("HeartbeatInterval", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LeaseOutsideBlobLimits_ThrowsNamingTheOption()
    {
        var options = new QueueRunnerOptions { LeaseDuration = TimeSpan.FromSeconds(90) };

        var ex = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => options.Validate());
        Assert.Contains("LeaseDuration", ex.Message, StringComparison.Ordinal);
    }
}
