using System.ComponentModel.DataAnnotations;
using QuantFunctions.Core.Scheduling;
using QuantFunctions.Host.Configuration;
using QuantFunctions.Host.Endpoints;
using QuantFunctions.Host.Functions;
using QuantFunctions.Host.Runs;
using QuantFunctions.Host.Timers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Queue;
using QuantFunctions.Stages.Hosting;

if (args.Length > 0 && args[0] == "--validate-functions")
{
    return ValidateFunctionsCommand.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
var settings = new HostSettings();
HostSettingsBinder.Bind(builder.Configuration, settings);
Validator.ValidateObject(settings, new ValidationContext(settings), validateAllProperties: true);
if (settings.DataOpsSchedule is not null)
{
    NCrontabSchedule.Parse(settings.DataOpsSchedule); // a bad schedule stops start-up with the field named
}

// Under the Functions host, listen where it says (custom handler contract); otherwise Kestrel's defaults / --urls.
if (settings.CustomHandlerPort is not null)
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{settings.CustomHandlerPort}");
}

builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpClient();
builder.Services.AddProblemDetails();
builder.Services.AddHostedService<DataOpsTimerService>();

// Spans and metrics of runs go to OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set; every run writes forensic_trace.json regardless.
string? otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
using OpenTelemetry.OpenTelemetrySdk? telemetry = string.IsNullOrWhiteSpace(otlp)
    ? null
    : QuantFunctions.Orchestration.Telemetry.QuantTelemetryExtensions.CreateSdk(new() { ServiceName = "quantfunctions-host", OtlpEndpoint = new Uri(otlp, UriKind.Absolute) });
using var bootstrapHttp = new HttpClient();
var lakeSettings = new LakeSettings(settings.Lake, settings.LakeRoot, settings.StorageConnection, settings.LakeContainer);
using var bootstrapLogging = LoggerFactory.Create(b => b.AddConsole());
ILakeStore lake = await LakeStoreFactory.OpenAsync(lakeSettings, bootstrapHttp, bootstrapLogging);
using PipelineRuntime runtime = PipelineRuntime.Create(lake, new RunnerOptions { MaxParallelism = settings.MaxParallelism }, bootstrapLogging, TimeProvider.System);
PipelineCatalog catalog = await PipelineCatalog.LoadAsync(settings.ManifestsRoot, runtime.Loader, CancellationToken.None);
builder.Services.AddSingleton(runtime);
builder.Services.AddSingleton(catalog);
builder.Services.AddSingleton(sp => QueueRuntime.Create(
    runtime.Runner, settings.Lake, settings.StorageConnection, settings.LakeContainer, builder.Configuration["QF_WORK_QUEUE"] ?? QueueRuntime.DefaultQueue, bootstrapHttp, null, sp.GetRequiredService<ILoggerFactory>()));

// QF_RUNNER=queue: HTTP and timer starts record the run and enqueue its nodes (ExecuteNode runs them); local: in process.
builder.Services.AddSingleton(sp => new RunLauncher(
    runtime, catalog, settings.UsesQueue ? sp.GetRequiredService<QueueRunner>() : null, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RunLauncher>>()));

var app = builder.Build();
app.UseExceptionHandler();
app.MapCatalogEndpoints();
app.MapOrchestrationEndpoints();
app.MapFunctionInvocationEndpoints();
app.MapExecuteNodeEndpoint();
app.Logger.LogInformation("QuantFunctions.Host: lake {Lake}, runner {Runner}, pipelines {Pipelines}", lakeSettings, settings.Runner, string.Join(", ", catalog.Names));
await app.RunAsync();
await app.Services.GetRequiredService<RunLauncher>().WhenIdleAsync();
return 0;

/// <summary>Marker for the in-process test host.</summary>
public partial class Program;
