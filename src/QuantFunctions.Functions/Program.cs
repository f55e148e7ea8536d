using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Startup;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Telemetry;

// The QuantFunctions isolated-worker app: Durable orchestrators and activities, the HTTP API (ASP.NET Core integration)
// and the DataOps timer. A bad deployment — an invalid setting, an unreachable lake, a missing or empty manifests
// folder, an invalid manifest — stops start-up with a StartupValidationException naming the setting or path.
FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

FunctionsSettings settings = StartupValidator.ReadSettings(builder.Configuration);
ILakeStore lake = await StartupValidator.OpenLakeAsync(settings.Lake);
builder.Services.AddQuantFunctions(settings, lake);

// Traces and metrics of runs (the orchestration's ActivitySource and Meter) and of the worker go to OTLP when configured.
if (settings.Host.Telemetry.Export)
{
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .AddQuantTelemetry(new QuantTelemetryOptions { ServiceName = "quantfunctions-functions", ExportOtlp = true, OtlpEndpoint = settings.OtlpEndpoint });
}

IHost host = builder.Build();
StartupValidator.ValidateServices(host.Services);
PipelineCatalog catalog = host.Services.GetRequiredService<PipelineCatalog>();
host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("QuantFunctions.Functions").LogInformation(
    "QuantFunctions: lake {Lake}, manifests {Manifests}, pipelines {Pipelines}, DataOps timer schedules {Schedules}",
    settings.Lake, catalog.Root, string.Join(", ", catalog.Ids),
    string.Join(", ", host.Services.GetRequiredService<DataOpsSchedules>().Pipelines.Select(p => $"{p.Pipeline} '{p.Schedule.Expression}'")));
await host.RunAsync();
