using System.Text.Json;
using QuantFunctions.Host.Functions;

namespace QuantFunctions.Host.Tests.Functions;

public sealed class InvocationValueDecoderTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void DecodeJson_ObjectValue_ReturnsItAsIs()
    {
        JsonElement decoded = InvocationValueDecoder.DecodeJson(Parse("""{"run_id":"r1"}"""), "item");
        Assert.Equal("r1", decoded.GetProperty("run_id").GetString());
    }

    [Fact]
    public void DecodeJson_JsonTextInString_IsParsed()
    {
        // The host's JsonConvert.SerializeObject of a queue message string "{\"run_id\":\"r1\"}".
        JsonElement decoded = InvocationValueDecoder.DecodeJson(Parse("\"{\\\"run_id\\\":\\\"r1\\\"}\""), "item");
        Assert.Equal("r1", decoded.GetProperty("run_id").GetString());
    }

    [Fact]
    public void DecodeJson_DoublyEncodedString_IsUnwrappedTwice()
    {
        string inner = JsonSerializer.Serialize("""{"run_id":"r2"}""");
        string outer = JsonSerializer.Serialize(inner);
        JsonElement decoded = InvocationValueDecoder.DecodeJson(Parse(outer), "item");
        Assert.Equal("r2", decoded.GetProperty("run_id").GetString());
    }

    [Theory]
    [InlineData("\"not json\"")]
    [InlineData("42")]
    [InlineData("\"{broken\"")]
    public void DecodeJson_NotAJsonObject_ThrowsNamingTheBinding(string json)
    {
        FormatException ex = Assert.Throws<FormatException>(() => InvocationValueDecoder.DecodeJson(Parse(json), "item"));
        Assert.Contains("'item'", ex.Message, StringComparison.Ordinal);
    }
}
