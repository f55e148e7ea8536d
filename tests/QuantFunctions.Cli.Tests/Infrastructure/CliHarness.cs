using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Testing;
using Spectre.Console;

namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>
/// Runs <c>quant</c> command lines in-process through <see cref="Program.RunAsync"/> against a given lake
/// folder, with the shipped manifests from the repository and a plain, wide, non-interactive console.
/// </summary>
public static class CliHarness
{
    /// <summary>Runs <paramref name="args"/> with <c>QF_LAKE_ROOT</c> = <paramref name="lakeRoot"/>.</summary>
    public static Task<CliOutcome> RunAsync(string lakeRoot, params string[] args) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(StringComparer.Ordinal) { ["QF_LAKE_ROOT"] = lakeRoot }, args);

    /// <summary>Runs <paramref name="args"/> with the given environment (by default the repository root and a parallelism of 2).</summary>
    public static async Task<CliOutcome> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["QF_REPO_ROOT"] = RepositoryRoot.Find(),
            ["QF_MAX_PARALLELISM"] = "2",
        };
        foreach (KeyValuePair<string, string> variable in variables)
        {
            environment[variable.Key] = variable.Value;
        }
        CliSettings settings = CliSettings.FromEnvironment(name => environment.GetValueOrDefault(name));
        using var output = new StringWriter();
        using var error = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var context = new CliContext(settings, console, error, TimeProvider.System);
        int exitCode = await Program.RunAsync(context, args, CancellationToken.None);
        return new CliOutcome(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A manifest shipped in the repository, by its path relative to the root.</summary>
    public static string ShippedManifest(string relative) => Path.Combine(RepositoryRoot.Find(), relative);
}
