using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant pipeline run MANIFEST [--param k=v]… [--run-id ID] [--as-of T] [--seed N]</c>.</summary>
internal sealed class PipelineRunCommand : CommandBase
{
    private readonly Argument<string> _manifest = new("manifest") { Description = "Path of a manifest.json (e.g. manifests/demo/meta/version=1.0.0/manifest.json)." };
    private readonly Option<string[]> _params = new("--param") { Description = "Parameter override: stage:name=value, scope/pipeline/stage:name=value or scope/pipeline@version/stage:name=value (repeatable)." };
    private readonly Option<string?> _runId = new("--run-id") { Description = "Run id ([a-z0-9_-]); default: derived from pipeline, as-of and seed. An existing run with the same inputs is resumed." };
    private readonly Option<string?> _asOf = new("--as-of") { Description = "The run's as-of time (ISO-8601, UTC); default: now." };
    private readonly Option<int> _seed = new("--seed") { Description = "Run seed (stage randomness derives from it).", DefaultValueFactory = _ => 42 };

    public PipelineRunCommand(CliContext context)
        : base("run", "Run a pipeline manifest with the local runner.", context)
    {
        Arguments.Add(_manifest);
        Options.Add(_params);
        Options.Add(_runId);
        Options.Add(_asOf);
        Options.Add(_seed);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string manifestPath = Path.GetFullPath(parseResult.GetValue(_manifest)!);
        DateTimeOffset asOf = parseResult.GetValue(_asOf) is { } text ? CliOptions.ParseInstant(text, "--as-of") : Context.Time.GetUtcNow();
        int seed = parseResult.GetValue(_seed);
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        PipelineManifest manifest = await runtime.Loader.LoadFileAsync(manifestPath, cancellationToken);
        string runId = parseResult.GetValue(_runId) ?? RunIds.Derive(manifest.Id, asOf, seed);
        var request = new RunRequest
        {
            Manifest = manifest,
            RunId = runId,
            Settings = new RunSettings { AsOf = asOf, Seed = seed, Overrides = parseResult.GetValue(_params) ?? [] },
            GitSha = Context.Settings.GitSha,
        };
        RunRecord run = await RunProgress.RunAsync(Context.Console, $"{manifest.Scope}/{manifest.Id} run {runId}", () => runtime.Runner.RunAsync(request, cancellationToken));
        RunReport.Print(Context.Console, run);
        if (await DataHandoffStore.IsPublishedByAsync(runtime.Lake, run, cancellationToken))
        {
            Context.Console.Profile.Out.Writer.WriteLine($"hand-off published: {Lake.Paths.LakePathResolver.PipelineLatest(run.Scope, run.PipelineId)}");
        }

        return RunReport.ExitCode(run);
    }
}
