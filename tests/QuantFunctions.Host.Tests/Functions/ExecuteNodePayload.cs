using System.Globalization;
using System.Text.Json.Nodes;

namespace QuantFunctions.Host.Tests.Functions;

/// <summary>The queue-trigger invocation payload the Functions host posts to a custom handler (notes §1.4).</summary>
internal static class ExecuteNodePayload
{
    private static readonly DateTimeOffset Inserted = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary><c>{Data:{item}, Metadata:{DequeueCount, ExpirationTime, Id, InsertionTime, NextVisibleTime, PopReceipt, sys}}</c>.</summary>
    public static JsonObject Create(JsonNode item, string id, long dequeueCount, string popReceipt = "AgAAAAMAAAAAAAAA") => new()
    {
        ["Data"] = new JsonObject { ["item"] = item },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = dequeueCount,
            ["ExpirationTime"] = Inserted.AddDays(7).ToString("O", CultureInfo.InvariantCulture),
            ["Id"] = id,
            ["InsertionTime"] = Inserted.ToString("O", CultureInfo.InvariantCulture),
            ["NextVisibleTime"] = Inserted.AddMinutes(10).ToString("O", CultureInfo.InvariantCulture),
            ["PopReceipt"] = popReceipt,
            ["sys"] = new JsonObject { ["MethodName"] = "ExecuteNode", ["UtcNow"] = Inserted.ToString("O", CultureInfo.InvariantCulture), ["RandGuid"] = "3f2c1a9e-8a7b-4c5d-9e0f-1a2b3c4d5e6f" },
        },
    };
}
