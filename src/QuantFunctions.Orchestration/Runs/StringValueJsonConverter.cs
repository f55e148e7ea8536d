using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>Writes a typed lake value as its string form and validates it on read.</summary>
internal sealed class StringValueJsonConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        try
        {
            return parse(text);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));
}
