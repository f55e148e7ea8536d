using Microsoft.Extensions.Logging;
using QuantFunctions.Lake.Azure;
using QuantFunctions.Orchestration.Execution;

namespace QuantFunctions.Orchestration.Queue;

/// <summary>Builds the queue runner of a composition root (CLI <c>quant worker</c>, the Host's queue trigger) from settings.</summary>
public static class QueueRuntime
{
    /// <summary>The default node queue (the Host's <c>ExecuteNode</c> function listens on it).</summary>
    public const string DefaultQueue = "qf-nodes";

    /// <summary>Creates a queue runner over the blob lake <paramref name="container"/> and queue <paramref name="queueName"/>.</summary>
    /// <param name="runner">The local runner over the same (blob) lake.</param>
    /// <param name="lakeKind">The configured lake kind; the queue runner needs <c>blob</c> (leases).</param>
    /// <param name="connectionString">The storage connection string (QF_STORAGE_CONNECTION or AzureWebJobsStorage).</param>
    /// <param name="container">The lake's blob container.</param>
    /// <param name="queueName">The node queue.</param>
    /// <param name="http">A long-lived HttpClient.</param>
    /// <param name="options">Queue options (null: defaults).</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <exception cref="InvalidOperationException">The lake is not a blob lake, or there is no connection string.</exception>
    public static QueueRunner Create(
        LocalRunner runner, string lakeKind, string? connectionString, string container, string queueName, HttpClient http, QueueRunnerOptions? options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (lakeKind != "blob" || string.IsNullOrEmpty(connectionString))
        {
            throw new InvalidOperationException(
                $"The queue runner needs the blob lake (QF_LAKE=blob, got '{lakeKind}') and a storage connection string (QF_STORAGE_CONNECTION or AzureWebJobsStorage): it coordinates workers with blob leases.");
        }

        StorageConnectionString connection = StorageConnectionString.Parse(connectionString);
        var blobs = new BlobContainerClient(connection, container, http, logger: loggerFactory.CreateLogger<BlobContainerClient>());
        var queue = new StorageQueueClient(connection, queueName, http, logger: loggerFactory.CreateLogger<StorageQueueClient>());
        return new QueueRunner(runner, blobs, queue, options ?? new QueueRunnerOptions(), loggerFactory);
    }
}
