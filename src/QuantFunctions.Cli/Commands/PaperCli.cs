using System.CommandLine;
using System.Globalization;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Stages.Paper;
using QuantFunctions.Stages.Trading;

namespace QuantFunctions.Cli.Commands;

/// <summary>Options and the run helper shared by the <c>quant paper</c> commands.</summary>
internal static class PaperCli
{
    /// <summary>The demo manifest of a pipeline of the paper day's chain (<see cref="PaperDayChain"/>).</summary>
    public static string ChainManifest(string pipeline) => $"manifests/demo/{pipeline}/version=1.0.0/manifest.json";

    /// <summary>The demo resume manifest.</summary>
    public const string ResumeManifest = "manifests/demo/paper_resume/version=1.0.0/manifest.json";

    /// <summary><c>--meta</c>: the paper account.</summary>
    public static Option<string> Meta() => new("--meta") { Description = "The paper account (the meta-portfolio id).", DefaultValueFactory = _ => "meta" };

    /// <summary>The paper store of an account of the demo paper pipeline.</summary>
    public static PaperStore Store(PipelineRuntime runtime, string meta) =>
        new(runtime.Lake, LakeIdentifier.Parse(meta, "--meta"), LakeIdentifier.Parse("paper"), SemVer.Parse("1.0.0"));

    /// <summary>Parses a <c>yyyy-MM-dd</c> option value.</summary>
    public static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw new UsageException($"{option}: '{text}' is not a date (yyyy-MM-dd)");

    /// <summary>Runs a shipped manifest with a run id, an as-of time and declared parameters; prints the run report.</summary>
    public static async Task<RunRecord> RunAsync(CliContext context, PipelineRuntime runtime, string relativeManifest, string runId, DateTimeOffset asOf, IReadOnlyDictionary<string, string> set, CancellationToken cancellationToken)
    {
        string path = Path.Combine(context.Settings.RepositoryRoot, relativeManifest);
        if (!File.Exists(path))
        {
            throw new UsageException($"the manifest '{relativeManifest}' is not under QF_REPO_ROOT '{context.Settings.RepositoryRoot}'");
        }

        PipelineManifest manifest = await runtime.Loader.LoadFileAsync(path, cancellationToken);
        var request = new RunRequest
        {
            Manifest = manifest,
            RunId = runId,
            Settings = new RunSettings { AsOf = asOf, Seed = 42, Parameters = ParameterValues.Canonicalize(manifest, set) },
            GitSha = context.Settings.GitSha,
        };
        RunRecord run = await runtime.Runner.RunAsync(request, cancellationToken);
        RunReport.Print(context.Console, run);
        return run;
    }
}
