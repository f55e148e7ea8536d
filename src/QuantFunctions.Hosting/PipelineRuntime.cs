using Microsoft.Extensions.Logging;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Telemetry;
using QuantFunctions.Stages;

namespace QuantFunctions.Hosting;

/// <summary>
/// The composition of what runs pipelines — stage registry (every shipped stage), manifest loader,
/// lake and local runner — built once by a composition root (the CLI or the Host).
/// </summary>
public sealed class PipelineRuntime : IDisposable
{
    private PipelineRuntime(StageRegistry registry, ILakeStore lake, LocalRunner runner, OrchestrationTelemetry telemetry)
    {
        Registry = registry;
        Lake = lake;
        Runner = runner;
        Telemetry = telemetry;
        Loader = new ManifestLoader(registry);
    }

    /// <summary>Every shipped stage.</summary>
    public StageRegistry Registry { get; }

    /// <summary>The lake.</summary>
    public ILakeStore Lake { get; }

    /// <summary>The in-process runner.</summary>
    public LocalRunner Runner { get; }

    /// <summary>Loads and validates manifests against <see cref="Registry"/>.</summary>
    public ManifestLoader Loader { get; }

    /// <summary>Spans and metrics of runs.</summary>
    public OrchestrationTelemetry Telemetry { get; }

    /// <summary>Builds the runtime over a lake.</summary>
    /// <param name="lake">The lake.</param>
    /// <param name="options">The local runner's options.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="timeProvider">The clock of run metadata.</param>
    /// <param name="http">The market data HTTP clients and limits; null builds defaults on <paramref name="timeProvider"/> when first needed.</param>
    public static PipelineRuntime Create(ILakeStore lake, RunnerOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, MarketDataHttp? http = null)
    {
        ArgumentNullException.ThrowIfNull(lake);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        StageRegistry registry = new StageRegistryBuilder().AddQuantStages(http ?? MarketDataHttp.Create(new OutboundHttpOptions(), timeProvider)).Build();
        var telemetry = new OrchestrationTelemetry();
        var runner = new LocalRunner(registry, lake, options, telemetry, loggerFactory, timeProvider);
        return new PipelineRuntime(registry, lake, runner, telemetry);
    }

    /// <inheritdoc/>
    public void Dispose() => Telemetry.Dispose();
}
