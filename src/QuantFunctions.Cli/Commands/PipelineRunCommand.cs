using QuantFunctions.Core.Errors;
using System.CommandLine;
using Microsoft.Extensions.Logging;
using QuantFunctions.Cli.Durable;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant pipeline run MANIFEST [--set name=value]… [--param k=v]… [--run-id ID] [--as-of T] [--seed N] [--durable [--task-hub NAME] [--no-worker]]</c>:
/// with the local runner, or — <c>--durable</c> — as a Durable orchestration on the task hub in the blob lake's storage
/// account (a worker in this process unless <c>--no-worker</c>; <c>quant worker</c> processes on the hub share the work).
/// </summary>
internal sealed class PipelineRunCommand : CommandBase
{
    private readonly Argument<string> _manifest = new("manifest") { Description = "Path of a manifest.json (e.g. manifests/demo/meta/version=1.0.0/manifest.json)." };
    private readonly Option<string[]> _set = new("--set") { Description = "A parameter the manifest declares, set everywhere the manifest uses it: name=value (repeatable); an unknown name or a value of the wrong type is refused before anything runs." };
    private readonly Option<string[]> _params = new("--param") { Description = "Parameter override: stage:name=value, scope/pipeline/stage:name=value or scope/pipeline@version/stage:name=value (repeatable)." };
    private readonly Option<string?> _runId = new("--run-id") { Description = "Run id ([a-z0-9_-]); default: derived from pipeline, as-of and seed. An existing run with the same inputs is resumed." };
    private readonly Option<string?> _asOf = new("--as-of") { Description = "The run's as-of time (ISO-8601, UTC); default: now." };
    private readonly Option<int> _seed = new("--seed") { Description = "Run seed (stage randomness derives from it).", DefaultValueFactory = _ => 42 };
    private readonly Option<bool> _durable = new("--durable") { Description = "Run as a Durable orchestration on the task hub (needs QF_LAKE=blob) instead of the local runner." };
    private readonly Option<string> _taskHub = DurableCli.TaskHub();
    private readonly Option<bool> _noWorker = new("--no-worker") { Description = "With --durable: only schedule and follow the run; 'quant worker' processes on the task hub do the work." };
    private readonly Func<CliContext, ILakeStore, RunRecord, CancellationToken, Task>? _afterRun;

    public PipelineRunCommand(CliContext context)
        : this(context, "run", "Run a pipeline manifest with the local runner, or on a Durable task hub (--durable).", afterRun: null)
    {
    }

    /// <summary>The same command under another name, printing more after the run report (e.g. <c>quant tournament run</c>'s scoreboard).</summary>
    public PipelineRunCommand(CliContext context, string name, string description, Func<CliContext, ILakeStore, RunRecord, CancellationToken, Task>? afterRun)
        : base(name, description, context)
    {
        _afterRun = afterRun;
        Arguments.Add(_manifest);
        Options.Add(_set);
        Options.Add(_params);
        Options.Add(_runId);
        Options.Add(_asOf);
        Options.Add(_seed);
        Options.Add(_durable);
        Options.Add(_taskHub);
        Options.Add(_noWorker);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        bool durable = parseResult.GetValue(_durable);
        if (!durable && (parseResult.GetResult(_taskHub) is { Implicit: false } || parseResult.GetValue(_noWorker)))
        {
            throw new UsageException("--task-hub and --no-worker apply to --durable runs only.");
        }

        DurableTaskHubOptions? hub = durable ? DurableCli.HubOptions(Context, "--durable", parseResult.GetValue(_taskHub)!) : null;
        string manifestPath = Path.GetFullPath(parseResult.GetValue(_manifest)!);
        DateTimeOffset asOf = parseResult.GetValue(_asOf) is { } text ? CliOptions.ParseInstant(text, "--as-of") : Context.Time.GetUtcNow();
        int seed = parseResult.GetValue(_seed);
        using ILoggerFactory? logging = durable ? DurableCli.StandardErrorLogging(LogLevel.Warning) : null;
        using PipelineRuntime runtime = logging is null ? await CliRuntime.OpenAsync(Context, cancellationToken) : await DurableCli.OpenRuntimeAsync(Context, logging, cancellationToken);
        PipelineManifest manifest = await runtime.Loader.LoadFileAsync(manifestPath, cancellationToken);
        IReadOnlyDictionary<string, string> parameters = Declared(manifest, parseResult.GetValue(_set) ?? []);
        string runId = parseResult.GetValue(_runId) ?? RunIds.Derive(manifest.Id, asOf, seed, parameters);
        IReadOnlyList<string> overrides = parseResult.GetValue(_params) ?? [];
        RunRecord run;
        if (hub is null)
        {
            var request = new RunRequest
            {
                Manifest = manifest,
                RunId = runId,
                Settings = new RunSettings { AsOf = asOf, Seed = seed, Overrides = overrides, Parameters = parameters },
                GitSha = Context.Settings.GitSha,
            };
            run = await RunProgress.RunAsync(Context.Console, $"{manifest.Scope}/{manifest.Id} run {runId}", () => runtime.Runner.RunAsync(request, cancellationToken));
        }
        else
        {
            // Validated here (plan with overrides, run id) so a bad request never reaches the task hub.
            var settings = new RunSettings { Seed = seed, AsOf = asOf, Overrides = overrides, Parameters = parameters };
            _ = ExecutionPlan.Create(manifest, runtime.Registry, settings.ToOverrides());
            _ = RunId.Parse(runId);
            RunStart start = RunStart.NewRun(manifest, runId, settings, Context.Settings.GitSha);
            run = await DurablePipeline.RunAsync(
                Context, hub, !parseResult.GetValue(_noWorker), runtime, (runs, ct) => runs.StartAsync(manifest, start, ct), manifest.Scope, runId, logging!, cancellationToken);
        }

        RunReport.Print(Context.Console, run);
        if (await DataHandoffStore.IsPublishedByAsync(runtime.Lake, run, cancellationToken))
        {
            Context.Console.Profile.Out.Writer.WriteLine($"hand-off published: {Lake.Paths.LakePathResolver.PipelineLatest(run.Scope, run.PipelineId)}");
        }

        if (_afterRun is not null && run.Status == RunStatus.Succeeded)
        {
            await _afterRun(Context, runtime.Lake, run, cancellationToken);
        }

        return RunReport.ExitCode(run);
    }

    /// <summary>The <c>--set</c> values checked against the manifest's declarations, in their one spelling per value; a usage error (one line, code bad_set) otherwise.</summary>
    private static IReadOnlyDictionary<string, string> Declared(PipelineManifest manifest, IReadOnlyList<string> assignments)
    {
        try
        {
            return ParameterValues.Canonicalize(manifest, ParameterValues.ParseAssignments(assignments));
        }
        catch (ManifestValidationException ex)
        {
            throw new UsageException(ErrorCodes.BadSet, string.Join("; ", ex.Errors.Select(e => "--" + e.Message)), ex);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ErrorCodes.BadSet, ex.Message, ex);
        }
    }
}
