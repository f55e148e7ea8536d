using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Durable.Tests.Fakes;

/// <summary>A lake whose next writes to matching paths fail with an <see cref="IOException"/> (storage stuttering).</summary>
public sealed class FlakyLakeStore(ILakeStore inner) : ILakeStore
{
    private int _failures;

    public Func<LakePath, bool> Matches { get; set; } = _ => false;

    public int FailuresLeft
    {
        get => Volatile.Read(ref _failures);
        set => Volatile.Write(ref _failures, value);
    }

    public Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default) => inner.TryReadAsync(path, cancellationToken);

    public Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        Stutter(path);
        return inner.WriteAsync(path, content, mode, cancellationToken);
    }

    public Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        Stutter(path);
        return inner.WriteStreamAsync(path, produce, mode, cancellationToken);
    }

    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default)
    {
        Stutter(path);
        return inner.WriteIfMatchAsync(path, content, expectedETag, cancellationToken);
    }

    public Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        Stutter(path);
        return inner.AppendAsync(path, content, expectedLength, expectedETag, cancellationToken);
    }

    public Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default) => inner.TryReadFromAsync(path, offset, cancellationToken);

    public IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    private void Stutter(LakePath path)
    {
        if (Matches(path) && Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new IOException($"injected storage failure writing {path}");
        }
    }
}
