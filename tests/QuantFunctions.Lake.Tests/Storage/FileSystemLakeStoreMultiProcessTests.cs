using System.Diagnostics;
using System.Text;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>Several real processes racing on one file-system lake.</summary>
public sealed class FileSystemLakeStoreMultiProcessTests : IDisposable
{
    private const int Processes = 4;
    private readonly TempDirectory _folder = new("qf-multi");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WriteAsync_CreateOnlyFromSeveralProcesses_ExactlyOneWins()
    {
        string root = _folder.Combine("lake");
        LakePath path = LakePath.Parse("_meta/s/runs/r/run.json");

        int[] codes = await RunAllAsync(StartupHook.CreateOnly, root, path);

        Assert.Equal(1, codes.Count(c => c == 0));
        Assert.Equal(Processes - 1, codes.Count(c => c == 3));
        int winner = Array.IndexOf(codes, 0);
        Assert.Equal("writer " + winner, Encoding.UTF8.GetString((await new FileSystemLakeStore(root).TryReadAsync(path))!.Content.Span));
    }

    [Fact]
    public async Task AuditLedger_AppendsFromSeveralProcesses_OneIntactChainWithEveryEntry()
    {
        string root = _folder.Combine("lake");
        LakePath path = LakePath.Parse("_meta/s/runs/r/audit.jsonl");

        await RunAllAsync(StartupHook.LedgerAppender, root, path);

        var store = new FileSystemLakeStore(root);
        AuditVerificationResult result = await AuditLedgerVerifier.VerifyAsync(store, path);
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(Processes * 10, result.EntryCount);
        using var ledger = new AuditLedger(store, path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (AuditEntry e in await ledger.ReadAllAsync())
        {
            Assert.True(seen.Add($"{e.Data["writer"]}/{e.Data["i"]}"));
        }
    }

    private async Task<int[]> RunAllAsync(string mode, string root, LakePath path)
    {
        string go = _folder.Combine("go");
        var children = new Process[Processes];
        for (int i = 0; i < Processes; i++)
        {
            children[i] = ChildProcess.Start(mode, root, path.Value, go, i.ToString());
        }

        try
        {
            // Once every child waits for the signal (its ready file), release them together.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            for (int i = 0; i < Processes; i++)
            {
                await ChildProcess.WaitForFileAsync(children[i], StartupHook.ReadyFile(go, i.ToString()), timeout.Token);
            }

            await File.WriteAllTextAsync(go, "go");
            int[] codes = new int[Processes];
            for (int i = 0; i < Processes; i++)
            {
                codes[i] = await ChildProcess.WaitAsync(children[i], timeout.Token);
            }

            return codes;
        }
        finally
        {
            foreach (Process child in children)
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }

                child.Dispose();
            }
        }
    }
}
