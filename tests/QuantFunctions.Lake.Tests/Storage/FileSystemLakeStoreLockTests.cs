using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>
/// A commit waits for a folder lock another process holds — backing off from 1 ms to 50 ms — and gives up after
/// <see cref="FileSystemLakeStore.LockTimeout"/> on the store's clock (a fake one here: two minutes pass in no time).
/// </summary>
public sealed class FileSystemLakeStoreLockTests : IDisposable
{
    private static readonly LakePath Target = LakePath.Parse("bronze/demo/x/part-0.bin");

    private readonly TempDirectory _folder = new("qf-lock");

    public void Dispose() => _folder.Dispose();

    // The lock another writer (in production, another process) holds on the target's folder.
    private FileStream HoldFolderLock()
    {
        string folder = _folder.Combine("bronze", "demo", "x");
        Directory.CreateDirectory(folder);
        return new FileStream(Path.Combine(folder, ".qf-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    [Fact]
    public async Task Write_LockHeldPastTheTimeout_BacksOffThenFailsNamingThePath()
    {
        var time = new ObservableTimeProvider();
        var store = new FileSystemLakeStore(_folder.Path, time);
        using FileStream held = HoldFolderLock();
        Task write = store.WriteAsync(Target, new byte[] { 1 }, LakeWriteMode.Overwrite);

        var backoffs = new List<TimeSpan>();
        TimeSpan waited = TimeSpan.Zero;
        while (waited < FileSystemLakeStore.LockTimeout)
        {
            TimeSpan backoff = await time.NextTimerAsync();
            backoffs.Add(backoff);
            time.Advance(backoff);
            waited += backoff;
        }

        LakeException ex = await Assert.ThrowsAsync<LakeException>(() => write);
        Assert.Contains($"Timed out after {FileSystemLakeStore.LockTimeout} waiting for the lock on '{Target}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { 1, 2, 4, 8, 16, 32, 50, 50 }, backoffs.Take(8).Select(b => (int)b.TotalMilliseconds));
        Assert.False(File.Exists(_folder.Combine("bronze", "demo", "x", "part-0.bin")));
    }

    [Fact]
    public async Task Write_LockReleasedWhileWaiting_Commits()
    {
        var time = new ObservableTimeProvider();
        var store = new FileSystemLakeStore(_folder.Path, time);
        FileStream held = HoldFolderLock();
        Task write = store.WriteAsync(Target, new byte[] { 7 }, LakeWriteMode.Overwrite);

        // The first backoff passes with the lock still held; once the store waits on the second, the lock is released.
        time.Advance(await time.NextTimerAsync());
        TimeSpan waiting = await time.NextTimerAsync();
        await held.DisposeAsync();
        time.Advance(waiting);
        await write;

        Assert.Equal(new byte[] { 7 }, await File.ReadAllBytesAsync(_folder.Combine("bronze", "demo", "x", "part-0.bin")));
    }
}
