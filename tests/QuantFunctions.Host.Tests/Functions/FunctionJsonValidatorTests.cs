using System.Text.Json;
using QuantFunctions.Host.Functions;
using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Functions;

public sealed class FunctionJsonValidatorTests
{
    private static readonly Dictionary<string, string> Settings = new(StringComparer.Ordinal) { ["QF_DATAOPS_SCHEDULE"] = "0 30 22 * * *" };

    [Fact]
    public void ValidateApp_RepositoryFunctions_AreAllValidAndServed()
    {
        string root = RepositoryRoot.Find();
        string app = Path.Combine(root, "functions");
        using var temp = new TempDirectory();
        // Assemble the layout the Functions host sees: host.json beside the function folders.
        File.Copy(Path.Combine(root, "host.json"), temp.Combine("host.json"));
        foreach (string dir in Directory.GetDirectories(app))
        {
            string target = temp.Combine(Path.GetFileName(dir));
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(dir, "function.json"), Path.Combine(target, "function.json"));
        }

        using JsonDocument local = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "local.settings.sample.json")));
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty p in local.RootElement.GetProperty("Values").EnumerateObject())
        {
            settings[p.Name] = p.Value.GetString()!;
        }

        IReadOnlyList<string> problems = FunctionJsonValidator.ValidateApp(temp.Path, settings, FunctionNames.All);
        Assert.Empty(problems);
        Assert.Equal(FunctionNames.All.Count, Directory.GetDirectories(app).Length);
    }

    [Theory]
    [InlineData("""{"bindings":[{"type":"httpTrigger","direction":"in","name":"req","authLevel":"function","methods":["post"],"route":"x"}]}""", "needs an 'http' output")]
    [InlineData("""{"bindings":[{"type":"httpTrigger","direction":"in","name":"req","authLevel":"owner","methods":["post"],"route":"x"},{"type":"http","direction":"out","name":"res"}]}""", "'authLevel'")]
    [InlineData("""{"bindings":[{"type":"timerTrigger","direction":"in","name":"t","schedule":"0 30 22 * *"}]}""", "6 fields")]
    [InlineData("""{"bindings":[{"type":"timerTrigger","direction":"in","name":"t","schedule":"%MISSING%"}]}""", "app setting that is not defined")]
    [InlineData("""{"bindings":[{"type":"queueTrigger","direction":"in","name":"item","queueName":"Bad_Queue","connection":"AzureWebJobsStorage"}]}""", "'queueName'")]
    [InlineData("""{"bindings":[{"type":"queueTrigger","direction":"out","name":"item","queueName":"qf-nodes","connection":"AzureWebJobsStorage"}]}""", "'direction' must be 'in'")]
    [InlineData("""{"bindings":[{"type":"blobTrigger","direction":"in","name":"b"}]}""", "not one the app uses")]
    [InlineData("""{"bindings":[]}""", "exactly one trigger")]
    [InlineData("""{"bindings":[{"type":"queueTrigger","direction":"in","name":"item","queueName":"qf-nodes"}]}""", "'connection'")]
    [InlineData("""not json""", "not valid JSON")]
    public void ValidateFunction_InvalidBinding_ReportsTheProblem(string json, string fragment)
    {
        IReadOnlyList<string> problems = FunctionJsonValidator.ValidateFunction("F", json, Settings);
        Assert.Contains(problems, p => p.Contains(fragment, StringComparison.Ordinal) && p.StartsWith("F/function.json", StringComparison.Ordinal));
    }
}
