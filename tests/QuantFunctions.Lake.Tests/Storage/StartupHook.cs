using QuantFunctions.Lake.Storage;

/// <summary>
/// Child-process entry for <c>FileSystemLakeStoreCrashTests</c>: the test re-runs this test assembly with
/// <c>DOTNET_STARTUP_HOOKS</c> pointing at itself, and the runtime calls <see cref="Initialize"/> before the
/// (empty, generated) Main. With the slow-writer variables set it streams an object into a
/// <see cref="FileSystemLakeStore"/> forever, so the test can kill it mid-write. Otherwise it does nothing.
/// </summary>
/// <remarks>The runtime requires this exact type name in the global namespace.</remarks>
internal static class StartupHook
{
    public const string RootVariable = "QF_TEST_SLOW_WRITER_ROOT";
    public const string PathVariable = "QF_TEST_SLOW_WRITER_PATH";
    public const string ReadyVariable = "QF_TEST_SLOW_WRITER_READY";

    public static void Initialize()
    {
        string? root = Environment.GetEnvironmentVariable(RootVariable);
        string? path = Environment.GetEnvironmentVariable(PathVariable);
        string? ready = Environment.GetEnvironmentVariable(ReadyVariable);
        if (root is null || path is null || ready is null)
        {
            return;
        }

        var store = new FileSystemLakeStore(root);
        store.WriteStreamAsync(LakePath.Parse(path), async (stream, ct) =>
        {
            byte[] chunk = new byte[64 * 1024];
            for (long i = 0; ; i++)
            {
                Array.Fill(chunk, (byte)i);
                await stream.WriteAsync(chunk, ct);
                await stream.FlushAsync(ct);
                if (i == 16)
                {
                    // 1 MiB is in the temporary file: tell the test it can kill us now.
                    await File.WriteAllTextAsync(ready, "writing", ct);
                }

                await Task.Delay(10, ct);
            }
        }, LakeWriteMode.Overwrite).GetAwaiter().GetResult();
    }
}
