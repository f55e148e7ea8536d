using System.Text.Json.Nodes;

namespace QuantFunctions.Orchestration.Execution;

/// <summary>Small helpers building the JSON content of audit events.</summary>
internal static class AuditData
{
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (KeyValuePair<string, string> pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[pair.Key] = pair.Value;
        }

        return json;
    }

    public static JsonArray ToJson(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
