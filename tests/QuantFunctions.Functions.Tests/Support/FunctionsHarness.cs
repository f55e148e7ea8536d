using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuantFunctions.Durable;
using QuantFunctions.Durable.Activities;
using QuantFunctions.Functions.Api;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Startup;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Testing;

namespace QuantFunctions.Functions.Tests.Support;

/// <summary>
/// The Functions app's services, wired by <see cref="FunctionsServiceCollectionExtensions.AddQuantFunctions"/> over a file
/// lake in a temporary folder and the shipped manifests, with the in-process Durable engine (DurableTaskTestHost) running
/// the orchestrators and activities; its client is the functions' <c>[DurableClient]</c>. The functions are called
/// directly with <see cref="DefaultHttpContext"/> requests, and their results executed by ASP.NET Core MVC.
/// </summary>
internal sealed class FunctionsHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset DemoAsOf = new(2024, 1, 3, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder;
    private readonly ServiceProvider _services;

    private FunctionsHarness(TempDirectory folder, ServiceProvider services, DurableTaskTestHost host, ListLoggerProvider logs)
    {
        _folder = folder;
        Logs = logs;
        _services = services;
        Host = host;
        Pipelines = ActivatorUtilities.CreateInstance<PipelinesApi>(services);
        Runs = ActivatorUtilities.CreateInstance<RunsApi>(services);
        Catalog = ActivatorUtilities.CreateInstance<CatalogApi>(services);
        Timer = ActivatorUtilities.CreateInstance<DataOpsTimer>(services);
        PaperTimer = ActivatorUtilities.CreateInstance<PaperTimer>(services);
    }

    public ListLoggerProvider Logs { get; }

    public DurableTaskTestHost Host { get; }

    public DurableTaskClient Client => Host.Client;

    public IServiceProvider Services => _services;

    public ILakeStore Lake => _services.GetRequiredService<ILakeStore>();

    public RunStore Store => _services.GetRequiredService<RunStore>();

    public PipelinesApi Pipelines { get; }

    public RunsApi Runs { get; }

    public CatalogApi Catalog { get; }

    public DataOpsTimer Timer { get; }

    public PaperTimer PaperTimer { get; }

    public static FunctionsSettings Settings(string lakeRoot, Func<FunctionsSettings, FunctionsSettings>? adjust = null)
    {
        var settings = new FunctionsSettings
        {
            Host = new HostSettings { Lake = new LakeSettings(LakeSettings.FileKind, lakeRoot, null, LakeSettings.DefaultContainer), MaxParallelism = 4 },
            ManifestsRoot = Path.Combine(RepositoryRoot.Find(), "manifests"),
            DataOpsTimer = "0 * * * * *",
            PaperTimer = "0 30 0 * * *",
        };
        return adjust is null ? settings : adjust(settings);
    }

    public static async Task<FunctionsHarness> StartAsync(TimeProvider? time = null, Func<FunctionsSettings, FunctionsSettings>? adjust = null)
    {
        var folder = new TempDirectory("qf-functions");
        FunctionsSettings settings = Settings(folder.Path, adjust);
        StartupValidator.Validate(settings);
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddMvcCore();
        services.AddQuantFunctions(settings, await StartupValidator.OpenLakeAsync(settings.Lake));
        ServiceProvider provider = services.BuildServiceProvider();
        StartupValidator.ValidateServices(provider);
        RunActivities activities = provider.GetRequiredService<RunActivities>();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(registry => registry.AddQuantTasks(activities), new DurableTaskTestHostOptions { Port = QuantFunctions.Testing.FreePort.Next() });
        return new FunctionsHarness(folder, provider, host, logs);
    }

    public TestFunctionContext Context() => new(_services);

    public Task<ApiResponse> StartAsync(string pipeline, string? body = null) =>
        ExecuteAsync(Pipelines.StartPipeline(Requests.Create("POST", $"/api/orchestrators/{pipeline}", body), pipeline, Client, Context()));

    public Task<ApiResponse> StatusAsync(string runId) =>
        ExecuteAsync(Runs.GetRun(Requests.Create("GET", $"/api/runs/{runId}"), runId, Client));

    public Task<ApiResponse> TerminateAsync(string runId, string? reason = null) =>
        ExecuteAsync(Runs.TerminateRun(
            Requests.Create("POST", $"/api/runs/{runId}/terminate", query: reason is null ? null : new Dictionary<string, string> { ["reason"] = reason }), runId, Client));

    public Task<ApiResponse> RestartAsync(string runId) =>
        ExecuteAsync(Runs.RestartRun(Requests.Create("POST", $"/api/runs/{runId}/restart"), runId, Client, Context()));

    /// <summary>Polls <c>GET /api/runs/{id}</c> until it answers 200 (the run finished).</summary>
    public async Task<ApiResponse> WaitFinishedAsync(string runId, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan limit = timeout ?? TimeSpan.FromMinutes(3);
        while (true)
        {
            ApiResponse status = await StatusAsync(runId);
            if (status.Status != StatusCodes.Status202Accepted || watch.Elapsed > limit)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Polls the status until <paramref name="done"/> holds.</summary>
    public async Task<ApiResponse> WaitUntilAsync(string runId, Func<ApiResponse, bool> done, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan limit = timeout ?? TimeSpan.FromMinutes(2);
        while (true)
        {
            ApiResponse status = await StatusAsync(runId);
            if (done(status))
            {
                return status;
            }

            Assert.True(watch.Elapsed < limit, $"run {runId} did not reach the expected state in {limit}: {status}");
            await Task.Delay(50);
        }
    }

    public async Task<RunRecord?> RecordAsync(string runId) => await Store.FindAsync(runId);

    /// <summary>Executes a function's result as the ASP.NET Core integration does, and reads what the client gets.</summary>
    public async Task<ApiResponse> ExecuteAsync(Task<IActionResult> pending) => await ExecuteAsync(await pending);

    public async Task<ApiResponse> ExecuteAsync(IActionResult result)
    {
        var http = new DefaultHttpContext { RequestServices = _services };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        body.Position = 0;
        JsonNode? json = body.Length == 0 ? null : await JsonNode.ParseAsync(body);
        return new ApiResponse(http.Response.StatusCode, http.Response.Headers, http.Response.ContentType ?? string.Empty, json, result);
    }

    /// <summary>Stops every instance still running (so disposing the engine does not race activities), then disposes.</summary>
    public async ValueTask DisposeAsync()
    {
        await foreach (OrchestrationMetadata instance in Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending] }))
        {
            await Client.TerminateInstanceAsync(instance.InstanceId, new TerminateInstanceOptions { Output = "test over", Recursive = true });
        }

        await Host.DisposeAsync();
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
