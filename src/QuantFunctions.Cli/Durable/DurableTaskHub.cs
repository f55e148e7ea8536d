using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QuantFunctions.Lake.Azure;
using P = Microsoft.DurableTask.Protobuf;

namespace QuantFunctions.Cli.Durable;

/// <summary>
/// The Durable Task engine of Durable Functions without the Functions host, in this process: DTFx's Azure Storage
/// orchestration service (the same task-hub layout as the Functions app: queues, tables, lease blobs) behind an in-process
/// gRPC sidecar on 127.0.0.1, with the Durable Task SDK's gRPC worker (running the registered orchestrators and activities)
/// and client connected to it. Every process on the same storage account and task hub shares the work: partitions of the
/// control queues are leased per process, activities go to whichever process dequeues them first.
/// </summary>
/// <remarks>
/// The sidecar is <c>TaskHubGrpcServer</c> from Microsoft.DurableTask.InProcessTestHost, a preview package; this type is
/// the only user of it. The sidecar neither renews the lock of a running work item nor acts on a worker's abandon: a work
/// item whose process dies is delivered again once its message becomes visible (<see cref="DurableTaskHubOptions.TakeoverAfter"/>),
/// which at-least-once activities (QuantFunctions' idempotent steps) are built for.
/// </remarks>
public sealed class DurableTaskHub : IAsyncDisposable
{
    /// <summary>The Queue REST version asked for: Azure and Azurite 3.35 (the tests' and users' local storage) accept it.</summary>
    public const QueueClientOptions.ServiceVersion QueueServiceVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly WebApplication _sidecar;
    private readonly IHost _host;
    private readonly AzureStorageOrchestrationService _service;
    private readonly bool _hostsWorker;
    private int _disposed;

    private DurableTaskHub(WebApplication sidecar, IHost host, AzureStorageOrchestrationService service, ActivityTally tally, string taskHubName, bool hostsWorker)
    {
        _sidecar = sidecar;
        _host = host;
        _service = service;
        _hostsWorker = hostsWorker;
        Tally = tally;
        TaskHubName = taskHubName;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>The client of the task hub: schedule, wait for, query, terminate and purge orchestration instances.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The activities this process executed (none without a worker).</summary>
    public ActivityTally Tally { get; }

    /// <summary>The task hub joined.</summary>
    public string TaskHubName { get; }

    /// <summary>
    /// Creates the task hub if needed and starts the sidecar, and — when <paramref name="registerTasks"/> is given — a worker
    /// that runs them (this process then takes part in the hub's work); without it, only a client (no partition is leased,
    /// nothing is executed here).
    /// </summary>
    /// <param name="options">Storage account, task hub and provider settings.</param>
    /// <param name="registerTasks">Registers the orchestrators and activities to run here; null for a client only.</param>
    /// <param name="loggerFactory">Logs of the engine, sidecar and worker.</param>
    /// <param name="time">The clock of <see cref="Tally"/>.</param>
    /// <param name="cancellationToken">Cancels the start (whatever was started is stopped).</param>
    /// <exception cref="ArgumentException">Invalid options, or an identity-based connection without Queue or Table endpoint.</exception>
    public static async Task<DurableTaskHub> StartAsync(
        DurableTaskHubOptions options, Action<DurableTaskRegistry>? registerTasks, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        bool hostsWorker = registerTasks is not null;
        var service = new AzureStorageOrchestrationService(Settings(options, loggerFactory));
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var tally = new ActivityTally(time);
        WebApplication sidecar = BuildSidecar(service, tally, hostsWorker, loggerFactory);
        IHost? host = null;
        try
        {
            await sidecar.StartAsync(cancellationToken);
            string address = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("the task hub sidecar started without an address");
            host = BuildClientHost(address, registerTasks, options.MaxConcurrentActivities, loggerFactory);
            await host.StartAsync(cancellationToken);
            return new DurableTaskHub(sidecar, host, service, tally, options.TaskHubName, hostsWorker);
        }
        catch
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            if (host is not null)
            {
                await host.StopAsync(timeout.Token);
                host.Dispose();
            }

            await sidecar.StopAsync(timeout.Token);
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the worker (no new work is taken; work it had not finished is delivered again elsewhere), the sidecar and the
    /// orchestration service (which gives up this process's partition leases, so other processes take them over at once).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _host.StopAsync(timeout.Token);
            await _sidecar.StopAsync(timeout.Token);
            if (_hostsWorker)
            {
                await _service.StopAsync(isForced: false).WaitAsync(timeout.Token);
            }
        }
        finally
        {
            _host.Dispose();
            await _sidecar.DisposeAsync();
        }
    }

    private static AzureStorageOrchestrationServiceSettings Settings(DurableTaskHubOptions options, ILoggerFactory loggerFactory)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = ClientProvider(options.Storage),
            TaskHubName = options.TaskHubName,
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,

            // The provider's default worker id is the machine name: two processes on one machine would both think they own
            // every partition (split brain). One id per process.
            WorkerId = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}"),
            LoggerFactory = loggerFactory,
        };
        if (options.TakeoverAfter is { } takeover)
        {
            settings.LeaseInterval = takeover;
            settings.LeaseRenewInterval = takeover / 3;
            settings.LeaseAcquireInterval = takeover / 3;
            settings.ControlQueueVisibilityTimeout = takeover;
            settings.WorkItemQueueVisibilityTimeout = takeover;
        }

        return settings;
    }

    private static StorageAccountClientProvider ClientProvider(StorageConnection storage)
    {
        BlobClientOptions blobOptions = BlobServiceClientFactory.CreateOptions();
        var queueOptions = new QueueClientOptions(QueueServiceVersion);
        var tableOptions = new TableClientOptions();
        if (storage.ConnectionString is { } connectionString)
        {
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, blobOptions),
                StorageServiceClientProvider.ForQueue(connectionString, queueOptions),
                StorageServiceClientProvider.ForTable(connectionString, tableOptions));
        }

        Uri queue = storage.QueueServiceUri ?? throw new ArgumentException(
            $"The task hub needs the Queue endpoint of storage connection {storage}: set '{storage.Name}__queueServiceUri'.", nameof(storage));
        Uri table = storage.TableServiceUri ?? throw new ArgumentException(
            $"The task hub needs the Table endpoint of storage connection {storage}: set '{storage.Name}__tableServiceUri'.", nameof(storage));
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(storage.BlobServiceUri, storage.Credential!, blobOptions),
            StorageServiceClientProvider.ForQueue(queue, storage.Credential!, queueOptions),
            StorageServiceClientProvider.ForTable(table, storage.Credential!, tableOptions));
    }

    private static WebApplication BuildSidecar(AzureStorageOrchestrationService service, ActivityTally tally, bool hostsWorker, ILoggerFactory loggerFactory)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(new SidecarOrchestrationService(service));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton(tally);
        builder.Services.AddSingleton(Options.Create(new TaskHubGrpcServerOptions
        {
            Mode = hostsWorker ? TaskHubGrpcServerMode.ApiServerAndDispatcher : TaskHubGrpcServerMode.ApiServerOnly,
        }));
        builder.Services.AddSingleton<TalliedServer>();
        WebApplication app = builder.Build();
        app.MapGrpcService<TalliedServer>();
        return app;
    }

    private static IHost BuildClientHost(string address, Action<DurableTaskRegistry>? registerTasks, int maxActivities, ILoggerFactory loggerFactory)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        if (registerTasks is not null)
        {
            builder.Services.AddDurableTaskWorker(worker =>
            {
                worker.AddTasks(registerTasks);
                worker.UseGrpc(address);
                worker.Configure(o => o.Concurrency.MaximumConcurrentActivityWorkItems = maxActivities);
            });
        }

        builder.Services.AddDurableTaskClient(client => client.UseGrpc(address));
        return builder.Build();
    }

    // Signals (Ctrl+C, SIGTERM) are the command's to handle: the hosts must not stop themselves on them.
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    // The sidecar, tallying the activities it hands to the worker and the results it gets back.
    private sealed class TalliedServer(
        IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory, IOrchestrationService service, IOrchestrationServiceClient client,
        IOptions<TaskHubGrpcServerOptions> options, ActivityTally tally)
        : TaskHubGrpcServer(lifetime, loggerFactory, service, client, options)
    {
        public override Task GetWorkItems(P.GetWorkItemsRequest request, IServerStreamWriter<P.WorkItem> responseStream, ServerCallContext context) =>
            base.GetWorkItems(request, new TalliedStream(responseStream, tally), context);

        public override Task<P.CompleteTaskResponse> CompleteActivityTask(P.ActivityResponse request, ServerCallContext context)
        {
            ArgumentNullException.ThrowIfNull(request);
            tally.Finished(request.InstanceId, request.TaskId);
            return base.CompleteActivityTask(request, context);
        }
    }

    private sealed class TalliedStream(IServerStreamWriter<P.WorkItem> inner, ActivityTally tally) : IServerStreamWriter<P.WorkItem>
    {
        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public Task WriteAsync(P.WorkItem message)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (message.ActivityRequest is { } activity)
            {
                tally.Started(activity.OrchestrationInstance.InstanceId, activity.TaskId, activity.Name);
            }

            return inner.WriteAsync(message);
        }
    }
}
