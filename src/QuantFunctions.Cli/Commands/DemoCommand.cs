using System.CommandLine;
using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Hosting;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant demo</c>: the end-to-end demo into the configured lake (default <c>./lake</c>) — the demo
/// DataOps pipeline (synthetic markets → raw, bronze, silver), then the meta pipeline (four sleeves in
/// parallel → meta-portfolio → tear sheets → orders), then the demo tournament (its cells, strict scoreboard and winner tear sheet). The as-of time and seed are fixed, so two demos on
/// fresh lakes write byte-identical gold outputs; a second demo on the same lake resumes and redoes nothing.
/// </summary>
internal sealed class DemoCommand : CommandBase
{
    /// <summary>The demo's as-of time: midnight UTC after the synthetic market's last date (2022-01-03 + 729 days = 2024-01-02), so every bar is known.</summary>
    public static readonly DateTimeOffset AsOf = new(2024, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The demo's run seed.</summary>
    public const int Seed = 42;

    private static readonly string[] Manifests =
    [
        "manifests/demo/dataops/version=1.0.0/manifest.json", "manifests/demo/meta/version=1.0.0/manifest.json", "manifests/demo/tournament/version=1.0.0/manifest.json",
    ];

    public DemoCommand(CliContext context)
        : base("demo", "Run the end-to-end demo: synthetic markets → DataOps → four sleeves → meta-portfolio → tear sheet and orders → a small tournament.", context)
    {
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        IAnsiConsole console = Context.Console;
        foreach (string relative in Manifests)
        {
            if (!File.Exists(Path.Combine(Context.Settings.RepositoryRoot, relative)))
            {
                throw new UsageException(
                    $"the demo's manifest '{relative}' is not under QF_REPO_ROOT '{Context.Settings.RepositoryRoot}': run ./quant demo in the repository, or set QF_REPO_ROOT to it");
            }
        }

        console.MarkupLineInterpolated($"[bold]QuantFunctions demo[/] · lake: {Context.Settings.Lake} · as of {AsOf:yyyy-MM-dd} · seed {Seed}");
        using PipelineRuntime runtime = await CliRuntime.OpenAsync(Context, cancellationToken);
        long started = Context.Time.GetTimestamp();
        RunRecord? last = null;
        RunRecord? meta = null;
        foreach (string relative in Manifests)
        {
            string path = Path.Combine(Context.Settings.RepositoryRoot, relative);
            PipelineManifest manifest = await runtime.Loader.LoadFileAsync(path, cancellationToken);
            var request = new RunRequest
            {
                Manifest = manifest,
                RunId = $"demo-{manifest.Id}",
                Settings = new RunSettings { AsOf = AsOf, Seed = Seed },
                GitSha = Context.Settings.GitSha,
            };
            int nodes = Orchestration.Planning.ExecutionPlan.Create(manifest, runtime.Registry).Nodes.Count;
            last = await RunProgress.RunAsync(console, $"{manifest.Scope}/{manifest.Id}", runtime.Telemetry.ActivitySource, nodes, () => runtime.Runner.RunAsync(request, cancellationToken));
            RunReport.Print(console, last);
            meta = manifest.Id == "meta" ? last : meta;
            if (last.Status != RunStatus.Succeeded)
            {
                return ExitCodes.RunFailed;
            }

            if (await DataHandoffStore.IsPublishedByAsync(runtime.Lake, last, cancellationToken))
            {
                console.Profile.Out.Writer.WriteLine($"hand-off published: {Lake.Paths.LakePathResolver.PipelineLatest(last.Scope, last.PipelineId)} (the sleeves verify the silver they read against it)");
            }
        }

        TimeSpan took = Context.Time.GetElapsedTime(started);
        await PrintOutcomeAsync(runtime.Lake, meta!, cancellationToken);
        await TournamentOutput.PrintVerdictAsync(console, runtime.Lake, last!, cancellationToken);
        console.Profile.Out.Writer.WriteLine($"pipelines took {took.TotalSeconds:F1} s (lake: {Context.Settings.Lake}). Next: ./quant lake ls gold/meta · ./quant ledger verify demo-meta · ./quant pipeline status demo-meta");
        return ExitCodes.Success;
    }

    private async Task PrintOutcomeAsync(ILakeStore lake, RunRecord meta, CancellationToken cancellationToken)
    {
        IAnsiConsole console = Context.Console;
        foreach (NodeState node in meta.Nodes)
        {
            foreach (OutputLocation output in node.Outputs)
            {
                if (output.Name is "tearsheet_html" or "orders_json")
                {
                    console.Profile.Out.Writer.WriteLine($"  {node.Node.Value} {output.Name}: {output.Path.Value}");
                }

                if (output.Name == "metrics" && node.Node.Value == "report.meta")
                {
                    LakeObject? metrics = await lake.TryReadAsync(output.Path, cancellationToken);
                    if (metrics is not null && JsonNode.Parse(metrics.Content.Span) is JsonObject m)
                    {
                        console.Profile.Out.Writer.WriteLine(
                            $"  meta-portfolio: CAGR {m["cagr"]?.GetValue<double>():P2} · vol {m["volatility"]?.GetValue<double>():P2} · Sharpe {m["sharpe"]?.GetValue<double>():F2} · max drawdown {m["max_drawdown"]?.GetValue<double>():P2}");
                    }
                }
            }
        }
    }
}
