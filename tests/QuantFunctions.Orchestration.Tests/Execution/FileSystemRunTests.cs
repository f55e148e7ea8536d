using System.Text;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Orchestration.Tests.Fakes;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Execution;

/// <summary>Runs a small graph of real, typed stages against the file-system lake.</summary>
public sealed class FileSystemRunTests
{
    private const string Manifest = """
        {
          "id": "copies", "version": "1.0.0", "scope": "demo", "kind": "model",
          "nodes": [
            { "id": "first", "stage": "test.copy", "params": { "output": "a.txt" } },
            { "id": "second", "stage": "test.copy", "params": { "input": "a.txt", "output": "b.txt" }, "depends_on": ["first"] }
          ]
        }
        """;

    private static StageRegistry Registry() =>
        new StageRegistryBuilder().Add<CopyStage, CopyParameters>("test.copy", "Copies a file and appends a line.", PipelineKind.Model).Build();

    [Fact]
    public async Task RunAsync_FileSystemLake_WritesOutputsRecordsAndIsReproducible()
    {
        using var dir = new TempDirectory();
        string b1;
        using (var host = new DagTestHost(Registry(), lake: new FileSystemLakeStore(dir.Combine("lake1"))))
        {
            RunRecord run = await host.RunAsync(Manifest);
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal("a.txt", Assert.Single(run.Inputs).Name);
            b1 = await File.ReadAllTextAsync(dir.Combine("lake1", "gold", "demo", "copies", "version=1.0.0", "copies", "b.txt"));
            Assert.True(File.Exists(dir.Combine("lake1", "_meta", "demo", "runs", "run-1", "run.json")));
            Assert.True(File.Exists(dir.Combine("lake1", "_meta", "demo", "runs", "run-1", "stages", "second", "stage.json")));
            Assert.True(File.Exists(dir.Combine("lake1", "_meta", "demo", "runs", "run-1", "forensic_trace.json")));
            Assert.True(File.Exists(dir.Combine("lake1", "_meta", "pipelines", "demo", "copies", "version=1.0.0", "manifest.json")));
        }

        using (var host = new DagTestHost(Registry(), lake: new FileSystemLakeStore(dir.Combine("lake2"))))
        {
            await host.RunAsync(Manifest);
            string b2 = await File.ReadAllTextAsync(dir.Combine("lake2", "gold", "demo", "copies", "version=1.0.0", "copies", "b.txt"));
            // Same run seed and node keys → same seeded numbers → byte-identical outputs.
            Assert.Equal(b1, b2);
            Assert.StartsWith("first:", b2, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_InputRewrittenBetweenRuns_RedoesOnlyTheReader()
    {
        using var dir = new TempDirectory();
        var lake = new FileSystemLakeStore(dir.Path);
        using var host = new DagTestHost(Registry(), lake: lake);
        await host.RunAsync(Manifest);
        await host.RunAsync(Manifest);
        IReadOnlyList<Lake.Audit.AuditEntry> ledger = await host.ReadLedgerAsync("demo", "run-1");
        Assert.Equal(["first", "second"], ledger.Where(e => e.Kind == "node.reused").Select(e => e.Node!));

        LakePath a = LakePath.Parse("gold/demo/copies/version=1.0.0/copies/a.txt");
        await lake.WriteAsync(a, Encoding.UTF8.GetBytes("edited\n"), LakeWriteMode.Overwrite);
        await host.RunAsync(Manifest);

        ledger = await host.ReadLedgerAsync("demo", "run-1");
        Assert.Equal("second", Assert.Single(ledger, e => e.Kind == "node.invalidated").Node);
        string b = Encoding.UTF8.GetString((await lake.TryReadAsync(LakePath.Parse("gold/demo/copies/version=1.0.0/copies/b.txt")))!.Content.Span);
        Assert.StartsWith("edited\nsecond:", b, StringComparison.Ordinal);
    }
}
