using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuantFunctions.Lake.Parquet;

/// <summary>
/// The serializer of <see cref="ParquetFileInfo.ToJson"/>, generated at compile time: indented, snake_case names, enums
/// as strings. Generated rather than reflected so the native-AOT <c>quant</c> front door can print it.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ParquetFileInfo))]
internal sealed partial class ParquetFileInfoJson : JsonSerializerContext;
