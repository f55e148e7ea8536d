using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>
/// The JSON settings of lake metadata (run.json, stage.json): snake_case names in declaration order,
/// enums as snake_case strings, unknown or duplicate properties rejected, typed lake values as their string form, nulls omitted, indented, UTF-8
/// without needless escaping. Read-only, shared.
/// </summary>
public static class LakeJson
{
    /// <summary>The serializer options (immutable).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new StringValueJsonConverter<LakePath>(LakePath.Parse, v => v.Value));
        options.Converters.Add(new StringValueJsonConverter<LakeIdentifier>(v => LakeIdentifier.Parse(v), v => v.Value));
        options.Converters.Add(new StringValueJsonConverter<SemVer>(v => SemVer.Parse(v), v => v.ToString()));
        options.Converters.Add(new StringValueJsonConverter<RunId>(RunId.Parse, v => v.Value));
        options.Converters.Add(new StringValueJsonConverter<NodeKey>(NodeKey.Parse, v => v.Value));
        options.Converters.Add(new StringValueJsonConverter<SchemaVersion>(SchemaVersion.Parse, v => v.Token));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
