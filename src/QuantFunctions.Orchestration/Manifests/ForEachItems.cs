using System.Text.Json;

namespace QuantFunctions.Orchestration.Manifests;

/// <summary>Reads and checks a <c>for_each</c> list: non-empty, distinct <c>[a-z0-9_]+</c> strings.</summary>
internal static class ForEachItems
{
    /// <summary>The items, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static List<string>? TryRead(JsonElement element, out string? problem)
    {
        problem = null;
        if (element.ValueKind != JsonValueKind.Array)
        {
            problem = $"is not a list: {element.GetRawText()}";
            return null;
        }

        var items = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Identifiers.IsName(item.GetString()))
            {
                problem = $"items must be lowercase [a-z0-9_]+ strings, got {item.GetRawText()}";
                return null;
            }

            if (!seen.Add(item.GetString()!))
            {
                problem = $"lists '{item.GetString()}' twice";
                return null;
            }

            items.Add(item.GetString()!);
        }

        if (items.Count == 0)
        {
            problem = "is an empty list";
            return null;
        }

        return items;
    }
}
