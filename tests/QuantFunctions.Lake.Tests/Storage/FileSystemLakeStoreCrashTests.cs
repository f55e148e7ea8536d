using System.Diagnostics;
using System.Text;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>A writer process killed (SIGKILL) mid-write leaves no partial object.</summary>
public sealed class FileSystemLakeStoreCrashTests : IDisposable
{
    private static readonly LakePath Target = LakePath.Parse("gold/s/p/version=1.0.0/d/run=r1/part-00000.parquet");
    private readonly TempDirectory _folder = new("qf-crash");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WriteStreamAsync_WriterProcessKilledMidWrite_LeavesNothingVisible()
    {
        string root = _folder.Combine("lake");
        var store = new FileSystemLakeStore(root);

        await KillWriterMidWriteAsync(root);

        Assert.Null(await store.GetInfoAsync(Target));
        Assert.Null(await store.TryReadAsync(Target));
        await foreach (LakeObjectInfo info in store.ListAsync(LakePath.Root))
        {
            Assert.Fail($"listing shows {info.Path} after a killed write");
        }

        // The dead writer's temporary file is on disk (proof it died mid-write), yet invisible and harmless.
        Assert.NotEmpty(Directory.GetFiles(Path.GetDirectoryName(store.GetFullPath(Target))!, ".qf-tmp-*"));
        await store.WriteAsync(Target, Encoding.UTF8.GetBytes("whole"), LakeWriteMode.CreateOnly);
        Assert.Equal("whole", Encoding.UTF8.GetString((await store.TryReadAsync(Target))!.Content.Span));
    }

    [Fact]
    public async Task WriteStreamAsync_WriterProcessKilledDuringOverwrite_KeepsPreviousVersion()
    {
        string root = _folder.Combine("lake");
        var store = new FileSystemLakeStore(root);
        LakeObjectInfo before = await store.WriteAsync(Target, Encoding.UTF8.GetBytes("version 1"), LakeWriteMode.CreateOnly);

        await KillWriterMidWriteAsync(root);

        LakeObject? after = await store.TryReadAsync(Target);
        Assert.Equal(before, after!.Info);
        Assert.Equal("version 1", Encoding.UTF8.GetString(after.Content.Span));
    }

    private async Task KillWriterMidWriteAsync(string root)
    {
        string ready = _folder.Combine("ready.txt");
        using Process writer = ChildProcess.Start(StartupHook.SlowWriter, root, Target.Value, ready);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await ChildProcess.WaitForFileAsync(writer, ready, timeout.Token);

        writer.Kill(entireProcessTree: true);
        await writer.WaitForExitAsync(timeout.Token);
    }
}
