using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Orchestration.Stages;

/// <summary>
/// Reads and writes enum parameters as their manifest spelling (<see cref="ParameterEnum"/>), case-sensitively: any other
/// text, a number or another JSON kind is a <see cref="JsonException"/> naming the allowed values.
/// </summary>
internal sealed class ParameterEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return text is not null && ParameterEnum.TryParse(typeof(TEnum), text) is TEnum value
                ? value
                : throw new JsonException($"expected one of {string.Join(", ", ParameterEnum.Names(typeof(TEnum)))}");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ParameterEnum.Name(value));
    }
}
