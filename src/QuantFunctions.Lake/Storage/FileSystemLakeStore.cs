using System.Globalization;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace QuantFunctions.Lake.Storage;

/// <summary>
/// An <see cref="ILakeStore"/> over a local folder (<c>QF_LAKE_ROOT</c>).
/// </summary>
/// <remarks>
/// <para>Atomicity: content is written to a temporary file <c>.qf-tmp-*</c> in the target folder, flushed to
/// disk, then renamed over the target; a crashed writer leaves at most a temporary file, which listings ignore.</para>
/// <para>Concurrency: every commit (write, conditional write, delete) holds an exclusive OS lock on the folder's
/// lock file <c>.qf-lock</c> (<see cref="FileShare.None"/>, i.e. <c>flock</c> on Unix), so checks and renames
/// are serialised across threads and processes; content is staged before the lock is taken, so it is held only
/// for a stat and a rename. The kernel releases the lock if a process dies.</para>
/// <para>ETags are <c>"{mtime ticks:x}-{size:x}"</c>. Under the lock each commit makes the new file's modification
/// time strictly later than the replaced one and than the folder's high-water mark (kept as the lock file's
/// modification time, raised by every commit and delete), so a path's ETag changes on every write, even with
/// equal content and across delete and re-create.</para>
/// </remarks>
public sealed class FileSystemLakeStore : ILakeStore
{
    private const string ReservedPrefix = ".qf-";
    private const string TempPrefix = ".qf-tmp-";
    private const string LockFileName = ".qf-lock";
    private const int BufferSize = 81920;
    private static readonly TimeSpan MaxLockBackoff = TimeSpan.FromMilliseconds(50);

    private readonly string _root;
    private readonly SemaphoreSlim[] _stripes;
    private readonly TimeProvider _time;

    /// <summary>Opens (and creates if needed) a lake rooted at <paramref name="rootDirectory"/>.</summary>
    /// <param name="rootDirectory">The lake's folder.</param>
    /// <param name="timeProvider">The clock of the wait for a folder lock another process holds (backoff and <see cref="LockTimeout"/>); default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The root is empty.</exception>
    public FileSystemLakeStore(string rootDirectory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _time = timeProvider ?? TimeProvider.System;
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
        _stripes = new SemaphoreSlim[64];
        for (int i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    /// <summary>How long a commit waits for a folder lock another process holds before it fails.</summary>
    public static TimeSpan LockTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>The absolute root folder.</summary>
    public string RootDirectory => _root;

    /// <summary>The absolute file path of a lake path (for tools that need a local file, e.g. DuckDB).</summary>
    public string GetFullPath(LakePath path) => path.IsRoot ? _root : Path.Combine(_root, path.Value.Replace('/', Path.DirectorySeparatorChar));

    /// <inheritdoc/>
    public Task<LakeObject?> TryReadAsync(LakePath path, CancellationToken cancellationToken = default) => TryReadFromAsync(path, 0, cancellationToken);

    /// <inheritdoc/>
    public Task<Stream> OpenReadAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<Stream>(TryOpen(path) ?? throw new LakeObjectNotFoundException(path));
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo?> GetInfoAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(path.IsRoot || IsReserved(path) ? null : Stat(path));
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo> WriteAsync(LakePath path, ReadOnlyMemory<byte> content, LakeWriteMode mode, CancellationToken cancellationToken = default) =>
        CommitAsync(path, (s, ct) => s.WriteAsync(content, ct).AsTask(), mode, expectedETag: null, cancellationToken);

    /// <inheritdoc/>
    public Task<LakeObjectInfo> WriteStreamAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(produce);
        return CommitAsync(path, produce, mode, expectedETag: null, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<LakeObjectInfo> WriteIfMatchAsync(LakePath path, ReadOnlyMemory<byte> content, string expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedETag);
        return CommitAsync(path, (s, ct) => s.WriteAsync(content, ct).AsTask(), LakeWriteMode.Overwrite, expectedETag, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Under the folder lock: checks the length, writes the bytes at <paramref name="expectedLength"/> (creating the file
    /// for 0), flushes them to disk and moves the modification time past the previous ETag, so the ETag changes.
    /// Readers may read while an append is written; a crash mid-append can leave a partial tail.
    /// </remarks>
    public async Task<LakeObjectInfo> AppendAsync(LakePath path, ReadOnlyMemory<byte> content, long expectedLength, string? expectedETag = null, CancellationToken cancellationToken = default)
    {
        EnsureWritable(path);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedLength);
        cancellationToken.ThrowIfCancellationRequested();
        string full = GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using FolderLock held = await LockAsync(path, full, cancellationToken).ConfigureAwait(false);
        LakeObjectInfo? current = Stat(path);
        if (!LakeStoreGuards.MeetsAppend(current, expectedLength, expectedETag))
        {
            LakeObject? stored = current is null || current.Size < expectedLength ? null : await TryReadFromAsync(path, expectedLength, cancellationToken).ConfigureAwait(false);
            return stored is not null && !stored.Content.IsEmpty && LakeStoreGuards.HoldsAppend(stored.Content.Span, content.Span)
                ? stored.Info
                : throw LakeStoreGuards.AppendConflict(path, current, expectedLength, expectedETag);
        }

        var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read | FileShare.Delete, 1, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            stream.Position = expectedLength;
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        MakeLaterThan(full, Math.Max(current is null ? 0 : ParseTicks(current.ETag), held.HighWaterMark));
        LakeObjectInfo committed = Stat(path) ?? throw new LakeException($"'{path}' vanished right after it was appended to.", path);
        held.RaiseHighWaterMark(ParseTicks(committed.ETag));
        return committed;
    }

    /// <inheritdoc/>
    public async Task<LakeObject?> TryReadFromAsync(LakePath path, long offset, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        FileStream? stream = TryOpen(path);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            long length = stream.Length;
            var info = Info(path, length, File.GetLastWriteTimeUtc(stream.SafeFileHandle));
            if (length - offset > Array.MaxLength)
            {
                throw new LakeException($"'{path}' is {length} bytes, too large to read whole; use OpenReadAsync.", path);
            }

            byte[] content = new byte[Math.Max(0, length - offset)];
            stream.Position = Math.Min(offset, length);
            await stream.ReadExactlyAsync(content, cancellationToken).ConfigureAwait(false);
            return new LakeObject(info, content);
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<LakeObjectInfo> ListAsync(LakePath prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string full = GetFullPath(prefix);
        List<LakeObjectInfo> found = [];
        if (!prefix.IsRoot && !IsReserved(prefix) && File.Exists(full))
        {
            found.Add(Stat(prefix) ?? throw new LakeObjectNotFoundException(prefix));
        }
        else if (Directory.Exists(full))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
            var entries = new FileSystemEnumerable<(string Path, long Size, DateTime Modified)>(
                full,
                (ref FileSystemEntry e) => (e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcDateTime),
                options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && !e.FileName.StartsWith(ReservedPrefix, StringComparison.Ordinal),
                ShouldRecursePredicate = (ref FileSystemEntry e) => !e.FileName.StartsWith(ReservedPrefix, StringComparison.Ordinal),
            };
            foreach ((string path, long size, DateTime modified) in entries)
            {
                string relative = Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');
                found.Add(Info(LakePath.Parse(relative), size, modified));
            }

            found.Sort((a, b) => string.CompareOrdinal(a.Path.Value, b.Path.Value));
        }

        foreach (LakeObjectInfo info in found)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> DeleteAsync(LakePath path, CancellationToken cancellationToken = default)
    {
        EnsureWritable(path);
        string full = GetFullPath(path);
        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            return false;
        }

        using FolderLock held = await LockAsync(path, full, cancellationToken).ConfigureAwait(false);
        LakeObjectInfo? current = Stat(path);
        if (current is null)
        {
            return false;
        }

        File.Delete(full);
        held.RaiseHighWaterMark(ParseTicks(current.ETag));
        return true;
    }

    private async Task<LakeObjectInfo> CommitAsync(LakePath path, Func<Stream, CancellationToken, Task> produce, LakeWriteMode mode, string? expectedETag, CancellationToken cancellationToken)
    {
        EnsureWritable(path);
        cancellationToken.ThrowIfCancellationRequested();
        string full = GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temp = Path.Combine(folder, TempPrefix + path.Name + "." + RandomNumberGenerator.GetHexString(16, lowercase: true));
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await produce(new NonClosingStream(stream), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            using FolderLock held = await LockAsync(path, full, cancellationToken).ConfigureAwait(false);
            LakeObjectInfo? current = Stat(path);
            if (mode == LakeWriteMode.CreateOnly && current is not null)
            {
                throw LakeStoreGuards.Exists(path);
            }

            if (expectedETag is not null && !string.Equals(current?.ETag, expectedETag, StringComparison.Ordinal))
            {
                throw LakeStoreGuards.ETagMismatch(path, expectedETag, current?.ETag);
            }

            // Later than the object it replaces and than anything ever committed or deleted in this folder,
            // so a path never shows an ETag twice, even across delete and re-create.
            MakeLaterThan(temp, Math.Max(current is null ? 0 : ParseTicks(current.ETag), held.HighWaterMark));

            try
            {
                File.Move(temp, full, overwrite: mode != LakeWriteMode.CreateOnly);
            }
            catch (IOException) when (mode == LakeWriteMode.CreateOnly && File.Exists(full))
            {
                // A writer that bypassed the lock created it first; no-overwrite rename keeps create-only exact.
                throw LakeStoreGuards.Exists(path);
            }

            LakeObjectInfo committed = Stat(path) ?? throw new LakeException($"'{path}' vanished right after it was written.", path);
            held.RaiseHighWaterMark(ParseTicks(committed.ETag));
            return committed;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private async Task<FolderLock> LockAsync(LakePath path, string full, CancellationToken cancellationToken)
    {
        // One lock per folder: commits are short (checks and a rename), and it keeps the lock files few.
        SemaphoreSlim stripe = _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(path.Parent.Value) % (uint)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        string lockFile = Path.Combine(Path.GetDirectoryName(full)!, LockFileName);
        TimeSpan backoff = TimeSpan.FromMilliseconds(1);
        long started = _time.GetTimestamp();
        try
        {
            while (true)
            {
                try
                {
                    return new FolderLock(stripe, new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
                }
                catch (IOException e) when (e.GetType() == typeof(IOException))
                {
                    if (_time.GetElapsedTime(started) >= LockTimeout)
                    {
                        throw new LakeException($"Timed out after {LockTimeout} waiting for the lock on '{path}' ({lockFile}).", path, e);
                    }

                    // Another process holds the object's lock: back off and retry.
                    await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxLockBackoff.Ticks));
                }
            }
        }
        catch
        {
            stripe.Release();
            throw;
        }
    }

    private FileStream? TryOpen(LakePath path)
    {
        if (path.IsRoot || IsReserved(path))
        {
            return null;
        }

        string full = GetFullPath(path);
        try
        {
            return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
            || (e is UnauthorizedAccessException && Directory.Exists(full)))
        {
            return null;
        }
    }

    private LakeObjectInfo? Stat(LakePath path)
    {
        var file = new FileInfo(GetFullPath(path));
        return file.Exists ? Info(path, file.Length, file.LastWriteTimeUtc) : null;
    }

    private static LakeObjectInfo Info(LakePath path, long size, DateTime modifiedUtc) =>
        new(path, size, string.Create(CultureInfo.InvariantCulture, $"\"{modifiedUtc.Ticks:x}-{size:x}\""));

    private static long ParseTicks(string etag) =>
        long.Parse(etag.AsSpan(1, etag.IndexOf('-', StringComparison.Ordinal) - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Moves the file's modification time past <paramref name="previousTicks"/>, coarsening the step on file systems with low timestamp resolution.</summary>
    private static void MakeLaterThan(string file, long previousTicks)
    {
        long step = 1;
        while (File.GetLastWriteTimeUtc(file).Ticks <= previousTicks)
        {
            File.SetLastWriteTimeUtc(file, new DateTime(previousTicks + step, DateTimeKind.Utc));
            step = step < TimeSpan.TicksPerSecond ? step * 10 : step + TimeSpan.TicksPerSecond;
        }
    }

    private static bool IsReserved(LakePath path)
    {
        foreach (string segment in path.Value.Split('/'))
        {
            if (segment.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void EnsureWritable(LakePath path)
    {
        LakeStoreGuards.EnsureObjectPath(path);
        if (IsReserved(path))
        {
            throw new ArgumentException($"Invalid lake path '{path}': names starting with '{ReservedPrefix}' are reserved for the store's temporary and lock files.", nameof(path));
        }
    }

    /// <summary>
    /// A held folder lock. The lock file's modification time doubles as the folder's high-water mark: the
    /// latest modification time committed or deleted there.
    /// </summary>
    private sealed class FolderLock(SemaphoreSlim stripe, FileStream handle) : IDisposable
    {
        public long HighWaterMark => File.GetLastWriteTimeUtc(handle.SafeFileHandle).Ticks;

        public void RaiseHighWaterMark(long ticks)
        {
            if (ticks > HighWaterMark)
            {
                File.SetLastWriteTimeUtc(handle.SafeFileHandle, new DateTime(ticks, DateTimeKind.Utc));
            }
        }

        public void Dispose()
        {
            handle.Dispose();
            stripe.Release();
        }
    }
}
