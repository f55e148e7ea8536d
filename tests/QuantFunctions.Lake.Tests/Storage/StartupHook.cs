using System.Text.Json.Nodes;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Storage;

/// <summary>
/// Child-process entry for the multi-process store tests: a test re-runs this test assembly with
/// <c>DOTNET_STARTUP_HOOKS</c> pointing at itself, and the runtime calls <see cref="Initialize"/> before the
/// (empty, generated) Main. <c>QF_TEST_CHILD_MODE</c> picks what the child does; without it, nothing.
/// </summary>
/// <remarks>The runtime requires this exact type name in the global namespace.</remarks>
internal static class StartupHook
{
    public const string ModeVariable = "QF_TEST_CHILD_MODE";
    public const string RootVariable = "QF_TEST_CHILD_ROOT";
    public const string PathVariable = "QF_TEST_CHILD_PATH";
    public const string SignalVariable = "QF_TEST_CHILD_SIGNAL";
    public const string IdVariable = "QF_TEST_CHILD_ID";

    /// <summary>Streams an object forever; writes the signal file once 1 MiB is staged.</summary>
    public const string SlowWriter = "slow-writer";

    /// <summary>Writes <see cref="ReadyFile"/>, waits for the signal file, then appends 10 ledger events.</summary>
    public const string LedgerAppender = "ledger-appender";

    /// <summary>Writes <see cref="ReadyFile"/>, waits for the signal file, then tries one create-only write; exit code 0 won, 3 conflict.</summary>
    public const string CreateOnly = "create-only";

    /// <summary>The file child <paramref name="id"/> writes once it waits for <paramref name="signal"/>.</summary>
    public static string ReadyFile(string signal, string id) => $"{signal}.ready-{id}";

    public static void Initialize()
    {
        string? mode = Environment.GetEnvironmentVariable(ModeVariable);
        if (mode is null)
        {
            return;
        }

        var store = new FileSystemLakeStore(Environment.GetEnvironmentVariable(RootVariable)!);
        var path = LakePath.Parse(Environment.GetEnvironmentVariable(PathVariable)!);
        string signal = Environment.GetEnvironmentVariable(SignalVariable)!;
        string id = Environment.GetEnvironmentVariable(IdVariable) ?? "0";
        int exitCode = mode switch
        {
            SlowWriter => WriteSlowlyAsync(store, path, signal).GetAwaiter().GetResult(),
            LedgerAppender => AppendAsync(store, path, signal, id).GetAwaiter().GetResult(),
            CreateOnly => CreateAsync(store, path, signal, id).GetAwaiter().GetResult(),
            _ => 2,
        };
        Environment.Exit(exitCode);
    }

    private static async Task<int> WriteSlowlyAsync(FileSystemLakeStore store, LakePath path, string signal)
    {
        await store.WriteStreamAsync(path, async (stream, ct) =>
        {
            byte[] chunk = new byte[64 * 1024];
            for (long i = 0; ; i++)
            {
                Array.Fill(chunk, (byte)i);
                await stream.WriteAsync(chunk, ct);
                await stream.FlushAsync(ct);
                if (i == 16)
                {
                    await File.WriteAllTextAsync(signal, "writing", ct);
                }

                await Task.Delay(10, ct);
            }
        }, LakeWriteMode.Overwrite);
        return 1;
    }

    private static async Task<int> AppendAsync(FileSystemLakeStore store, LakePath path, string signal, string id)
    {
        await WaitForAsync(signal, id);
        using var ledger = new AuditLedger(store, path);
        for (int i = 0; i < 10; i++)
        {
            await ledger.AppendAsync(new AuditEvent("test.append", null, "4bf92f3577b34da6a3ce929d0e0e4736", new JsonObject { ["writer"] = id, ["i"] = i }));
        }

        return 0;
    }

    private static async Task<int> CreateAsync(FileSystemLakeStore store, LakePath path, string signal, string id)
    {
        await WaitForAsync(signal, id);
        try
        {
            await store.WriteAsync(path, System.Text.Encoding.UTF8.GetBytes("writer " + id), LakeWriteMode.CreateOnly);
            return 0;
        }
        catch (LakeConflictException)
        {
            return 3;
        }
    }

    // Spins on the file so that every child starts within a few milliseconds of the others once it appears: the point
    // of these tests is contention. The parent kills a child that waits longer than its own deadline.
    private static async Task WaitForAsync(string signal, string id)
    {
        await File.WriteAllTextAsync(ReadyFile(signal, id), "ready");
        while (!File.Exists(signal))
        {
            await Task.Delay(2);
        }
    }
}
