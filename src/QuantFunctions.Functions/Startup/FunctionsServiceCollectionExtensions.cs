using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using QuantFunctions.Durable.Activities;
using QuantFunctions.Functions.Catalog;
using QuantFunctions.Functions.Configuration;
using QuantFunctions.Functions.Runs;
using QuantFunctions.Functions.Timers;
using QuantFunctions.Hosting;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Steps;

namespace QuantFunctions.Functions.Startup;

/// <summary>Registers the app's services: one pipeline runtime over the lake, one <see cref="RunSteps"/>, the catalog, the schedules, the market data HTTP clients.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the QuantFunctions services over an opened lake. The runtime uses the host's logging and
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless one is registered first).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="settings">The validated settings.</param>
    /// <param name="lake">The opened lake.</param>
    public static IServiceCollection AddQuantFunctions(this IServiceCollection services, FunctionsSettings settings, ILakeStore lake)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(lake);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        services.AddSingleton(lake);
        services.AddMarketDataHttp(settings.OutboundHttp);
        services.AddSingleton(sp => PipelineRuntime.Create(
            lake, new RunnerOptions { MaxParallelism = settings.MaxParallelism }, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<MarketDataHttp>()));
        services.AddSingleton(sp => sp.GetRequiredService<PipelineRuntime>().Registry);
        services.AddSingleton(sp => sp.GetRequiredService<PipelineRuntime>().Runner.Store);
        services.AddSingleton(sp => new RunSteps(sp.GetRequiredService<PipelineRuntime>().Runner));
        services.AddSingleton(sp => new RunActivities(sp.GetRequiredService<RunSteps>()));
        services.AddSingleton(sp => StartupValidator.LoadCatalog(settings.ManifestsRoot, sp.GetRequiredService<PipelineRuntime>().Loader));
        services.AddSingleton(sp => StartupValidator.PlanSchedules(settings, sp.GetRequiredService<PipelineCatalog>()));
        services.AddSingleton<RunStarter>();
        services.AddSingleton<RunLocator>();
        return services;
    }
}
