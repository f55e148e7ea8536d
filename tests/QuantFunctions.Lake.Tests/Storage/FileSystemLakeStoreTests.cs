using System.Text;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>File-system specifics beyond the contract: temporary and lock files, locking across store instances.</summary>
public sealed class FileSystemLakeStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new("qf-fs");

    public void Dispose() => _folder.Dispose();

    private List<ILakeStore> Instances(int count) =>
        Enumerable.Range(0, count).Select(_ => (ILakeStore)new FileSystemLakeStore(_folder.Path)).ToList();

    [Fact]
    public async Task ListAsync_StrayTempAndLockFiles_AreIgnored()
    {
        var store = new FileSystemLakeStore(_folder.Path);
        LakeObjectInfo real = await store.WriteAsync(LakePath.Parse("gold/a/x.bin"), new byte[] { 1 }, LakeWriteMode.CreateOnly);
        string folder = Path.GetDirectoryName(store.GetFullPath(real.Path))!;
        await File.WriteAllTextAsync(Path.Combine(folder, ".qf-tmp-y.bin.0123456789abcdef"), "partial");
        Directory.CreateDirectory(Path.Combine(folder, ".qf-tmp-dir"));
        await File.WriteAllTextAsync(Path.Combine(folder, ".qf-tmp-dir", "z.bin"), "partial");

        var listed = new List<LakeObjectInfo>();
        await foreach (LakeObjectInfo info in store.ListAsync(LakePath.Root))
        {
            listed.Add(info);
        }

        Assert.Equal([real], listed);
        Assert.True(File.Exists(Path.Combine(folder, ".qf-lock")));
    }

    [Fact]
    public async Task WriteAsync_ReservedName_Throws()
    {
        var store = new FileSystemLakeStore(_folder.Path);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(LakePath.Parse("gold/.qf-lock"), new byte[] { 1 }, LakeWriteMode.Overwrite));

        Assert.Contains("reserved", e.Message, StringComparison.Ordinal);
        Assert.Null(await store.TryReadAsync(LakePath.Parse("gold/.qf-lock")));
    }

    [Fact]
    public async Task TryReadAsync_FolderPath_ReturnsNull()
    {
        var store = new FileSystemLakeStore(_folder.Path);
        await store.WriteAsync(LakePath.Parse("gold/a/x.bin"), new byte[] { 1 }, LakeWriteMode.CreateOnly);

        Assert.Null(await store.TryReadAsync(LakePath.Parse("gold/a")));
    }

    [Fact]
    public async Task WriteAsync_CreateOnlyRaceAcrossStoreInstances_ExactlyOneWins()
    {
        // Separate instances share no in-process state: only the OS file lock and no-overwrite rename serialise them.
        List<int> winners = await StoreRaces.CreateOnlyWinnersAsync(Instances(12), LakePath.Parse("gold/race/one.txt"));

        Assert.Single(winners);
    }

    [Fact]
    public async Task WriteIfMatchAsync_IncrementsAcrossStoreInstances_LoseNoUpdate()
    {
        Assert.Equal(60, await StoreRaces.IncrementConcurrentlyAsync(Instances(4), LakePath.Parse("_meta/counter.txt"), 15));
    }

    [Fact]
    public async Task WriteAsync_RecreateAfterDelete_ModificationTimePassesDeletedOne()
    {
        // Deterministic form of "a path never repeats an ETag": push the first version's mtime an hour ahead
        // (as a same-tick collision would leave it level), delete it, re-create: the new mtime must still be later.
        var store = new FileSystemLakeStore(_folder.Path);
        LakePath path = LakePath.Parse("gold/a/again.txt");
        await store.WriteAsync(path, Encoding.UTF8.GetBytes("same"), LakeWriteMode.CreateOnly);
        DateTime ahead = File.GetLastWriteTimeUtc(store.GetFullPath(path)).AddHours(1);
        File.SetLastWriteTimeUtc(store.GetFullPath(path), ahead);
        LakeObjectInfo first = (await store.GetInfoAsync(path))!;

        await store.DeleteAsync(path);
        LakeObjectInfo second = await store.WriteAsync(path, Encoding.UTF8.GetBytes("same"), LakeWriteMode.CreateOnly);

        Assert.True(File.GetLastWriteTimeUtc(store.GetFullPath(path)) > ahead);
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public void GetFullPath_LakePath_MapsBelowRoot()
    {
        var store = new FileSystemLakeStore(_folder.Path);

        Assert.Equal(Path.Combine(_folder.Path, "gold", "a", "x.bin"), store.GetFullPath(LakePath.Parse("gold/a/x.bin")));
        Assert.Equal(Path.GetFullPath(_folder.Path), store.RootDirectory);
    }
}
