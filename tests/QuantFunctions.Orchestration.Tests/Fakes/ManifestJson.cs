namespace QuantFunctions.Orchestration.Tests.Fakes;

/// <summary>Builds small manifest JSON texts for tests.</summary>
public static class ManifestJson
{
    /// <summary>A model pipeline "demo/test 1.0.0" with the given node JSON objects and parameters.</summary>
    public static string Model(string nodes, string parameters = "{}", string kind = "model") => $$"""
        {
          "id": "test",
          "version": "1.0.0",
          "scope": "demo",
          "kind": "{{kind}}",
          "parameters": {{parameters}},
          "nodes": [{{nodes}}]
        }
        """;

    /// <summary>A node JSON object.</summary>
    public static string Node(string id, string deps = "", string extra = "", string stage = "test.work")
    {
        string dependsOn = deps.Length == 0 ? "[]" : "[" + string.Join(",", deps.Split(',').Select(d => $"\"{d}\"")) + "]";
        return $$"""{"id": "{{id}}", "stage": "{{stage}}", "depends_on": {{dependsOn}}{{(extra.Length == 0 ? "" : ", " + extra)}}}""";
    }
}
