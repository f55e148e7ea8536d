using DurableTask.Core;
using DurableTask.Core.History;

namespace QuantFunctions.Cli.Durable;

/// <summary>
/// The Azure Storage orchestration service as <see cref="DurableTaskHub"/>'s sidecar sees it: every call passes through,
/// but what an orchestration episode records is first made storable. The sidecar (a test host, written for its in-memory
/// backend) records a sub-orchestration's creation as its own subclass of <see cref="SubOrchestrationInstanceCreatedEvent"/>
/// without a data contract — the history table would get a row with no <c>EventType</c>, and the parent's history could no
/// longer be read — and starts the sub-orchestration with the gRPC request's protobuf tags map, whose .NET type name the
/// provider writes into the queue message and cannot load back. Both become the plain DTFx types here.
/// </summary>
/// <param name="inner">The Azure Storage orchestration service.</param>
internal sealed class SidecarOrchestrationService(IOrchestrationService inner) : IOrchestrationService
{
    /// <inheritdoc/>
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    /// <inheritdoc/>
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    /// <inheritdoc/>
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    /// <inheritdoc/>
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    /// <inheritdoc/>
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    /// <inheritdoc/>
    public Task StartAsync() => inner.StartAsync();

    /// <inheritdoc/>
    public Task StopAsync() => inner.StopAsync();

    /// <inheritdoc/>
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);

    /// <inheritdoc/>
    public Task CreateAsync() => inner.CreateAsync();

    /// <inheritdoc/>
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    /// <inheritdoc/>
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    /// <inheritdoc/>
    public Task DeleteAsync() => inner.DeleteAsync();

    /// <inheritdoc/>
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    /// <inheritdoc/>
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    /// <inheritdoc/>
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    /// <inheritdoc/>
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    /// <inheritdoc/>
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    /// <inheritdoc/>
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    /// <inheritdoc/>
    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        var replaced = new Dictionary<HistoryEvent, HistoryEvent>(ReferenceEqualityComparer.Instance);
        Plain(newOrchestrationRuntimeState.NewEvents, replaced);
        Plain(newOrchestrationRuntimeState.Events, replaced);
        foreach (TaskMessage message in orchestratorMessages ?? [])
        {
            PlainTags(message);
        }

        PlainTags(continuedAsNewMessage);
        return inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    /// <inheritdoc/>
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc/>
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc/>
    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    /// <inheritdoc/>
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    /// <inheritdoc/>
    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    /// <inheritdoc/>
    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => inner.AbandonTaskActivityWorkItemAsync(workItem);

    // Subclasses of SubOrchestrationInstanceCreatedEvent become the DTFx type (the same replacement object in every list).
    private static void Plain(IList<HistoryEvent> events, Dictionary<HistoryEvent, HistoryEvent> replaced)
    {
        for (int i = 0; i < events.Count; i++)
        {
            if (events[i] is SubOrchestrationInstanceCreatedEvent created && created.GetType() != typeof(SubOrchestrationInstanceCreatedEvent))
            {
                if (!replaced.TryGetValue(created, out HistoryEvent? plain))
                {
                    plain = new SubOrchestrationInstanceCreatedEvent(created.EventId)
                    {
                        Name = created.Name,
                        Version = created.Version,
                        InstanceId = created.InstanceId,
                        Input = created.Input,
                        ClientSpanId = created.ClientSpanId,
                        Tags = created.Tags is null ? null : new Dictionary<string, string>(created.Tags, StringComparer.Ordinal),
                        Timestamp = created.Timestamp,
                        IsPlayed = created.IsPlayed,
                    };
                    replaced[created] = plain;
                }

                events[i] = plain;
            }
        }
    }

    private static void PlainTags(TaskMessage? message)
    {
        if (message?.Event is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
        {
            started.Tags = new Dictionary<string, string>(tags, StringComparer.Ordinal);
        }
    }
}
