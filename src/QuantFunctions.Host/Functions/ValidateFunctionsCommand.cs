using System.Text.Json;

namespace QuantFunctions.Host.Functions;

/// <summary>
/// <c>QuantFunctions.Host --validate-functions DIR [--settings local.settings.json]</c>: validates an
/// assembled Functions app folder and exits 0 (valid) or 2 (problems listed on stderr).
/// </summary>
public static class ValidateFunctionsCommand
{
    /// <summary>Runs the validation; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count < 2)
        {
            error.WriteLine("usage: QuantFunctions.Host --validate-functions DIR [--settings local.settings.json]");
            return 2;
        }

        string root = args[1];
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 2; i + 1 < args.Count; i += 2)
        {
            if (args[i] == "--settings")
            {
                using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(args[i + 1]));
                foreach (JsonProperty p in doc.RootElement.GetProperty("Values").EnumerateObject())
                {
                    settings[p.Name] = p.Value.ToString();
                }
            }
        }

        IReadOnlyList<string> problems = FunctionJsonValidator.ValidateApp(root, settings, FunctionNames.All);
        foreach (string problem in problems)
        {
            error.WriteLine(problem);
        }

        if (problems.Count == 0)
        {
            output.WriteLine($"{root}: {FunctionNames.All.Count} functions valid");
            return 0;
        }

        return 2;
    }
}
