using Azure.Storage.Blobs;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Tests.Faults;

/// <summary>
/// A lake decorator with a one-shot hook: the first write whose path matches <see cref="Trigger"/> (while armed) first
/// runs <see cref="BeforeWrite"/> (e.g. stop Azurite), then the real write, then <see cref="AfterWrite"/> (e.g. restart
/// it), whatever the write's outcome.
/// </summary>
internal sealed class OutageLakeStore(ILakeStore inner) : ILakeStore
{
    private int _fired;

    public Func<LakePath, bool> Trigger { get; set; } = _ => false;

    public Func<Task> BeforeWrite { get; set; } = () => Task.CompletedTask;

    public Func<Task> AfterWrite { get; set; } = () => Task.CompletedTask;

    public bool Armed { get; set; }

    public BlobContainerClient Container { get; init; } = null!;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    public Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default) => inner.TryReadAsync(path, cancellationToken);

    public Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default) =>
        HookAsync(path, () => inner.WriteAsync(path, content, mode, cancellationToken));

    public Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default) =>
        HookAsync(path, () => inner.WriteStreamAsync(path, produce, mode, cancellationToken));

    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default) =>
        HookAsync(path, () => inner.WriteIfMatchAsync(path, content, expectedETag, cancellationToken));

    public Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default) =>
        HookAsync(path, () => inner.AppendAsync(path, content, expectedLength, expectedETag, cancellationToken));

    public Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default) => inner.TryReadFromAsync(path, offset, cancellationToken);

    public IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    private async Task<LakeObjectInfo> HookAsync(LakePath path, Func<Task<LakeObjectInfo>> write)
    {
        if (!Armed || !Trigger(path) || Interlocked.Exchange(ref _fired, 1) == 1)
        {
            return await write();
        }

        await BeforeWrite();
        try
        {
            return await write();
        }
        finally
        {
            await AfterWrite();
        }
    }
}
