using System.Runtime.CompilerServices;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Functions.Tests.Support;

/// <summary>A lake whose storage does not answer: every call fails with an <see cref="IOException"/>.</summary>
/// <param name="silent">True: a listing never answers (it waits until cancelled) instead of failing.</param>
internal sealed class UnreachableLake(bool silent = false) : ILakeStore
{
    public Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default) => throw Down();

    public Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default) => throw Down();

    public Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default) => throw Down();

    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default) => throw Down();

    public Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default) => throw Down();

    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default) => throw Down();

    public Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default) => throw Down();

    public Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default) => throw Down();

    public IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, CancellationToken cancellationToken = default) => silent ? NeverAsync(cancellationToken) : throw Down();

    public Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default) => throw Down();

    private static async IAsyncEnumerable<LakeObjectInfo> NeverAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        yield break;
    }

    private static IOException Down() => new("connection refused (storage account key=secret)");
}
