using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.DataOps;

namespace QuantFunctions.Stages.Tests.DataOps;

public sealed class IngestStageTests
{
    private const string Manifest = """
        {
          "id": "dataops_ingest", "version": "1.0.0", "scope": "demo", "kind": "data",
          "nodes": [
            { "id": "ingest", "stage": "dataops.ingest",
              "params": { "source": "synthetic", "market": "BINANCE", "start": "2024-01-01", "end": "2024-06-30",
                          "calendar_days": 182, "assets_per_market": 20, "seed": 11 } }
          ]
        }
        """;

    [Fact]
    public async Task IngestStage_SyntheticSource_WritesCandidatesBronzeAndLedgerLinkedCoverage()
    {
        using var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());

        RunRecord run = await host.RunAsync(Manifest, runId: "ingest-1");

        Assert.True(run.Status == RunStatus.Succeeded, run.Error?.Message + " | " + string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(host.Lake, BronzeIngestor.DatasetOf(LakeIdentifier.Parse("binance")));
        Assert.Equal(20, bronze.Strings("symbol").Distinct().Count());
        IReadOnlyList<AuditEntry> ledger = await host.ReadLedgerAsync("demo", "ingest-1");
        AuditEntry coverage = Assert.Single(ledger, e => e.Kind == "dataops.coverage");
        string path = coverage.Data["path"]!.GetValue<string>();
        LakeObject artifact = (await host.Lake.TryReadAsync(LakePath.Parse(path)))!;
        Assert.Empty(CoverageArtifact.Check(artifact.Content.Span));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(artifact.Content.Span)), coverage.Data["sha256"]!.GetValue<string>());
        // Provider discovery is recorded too: the source's own discovery, no URL, no HTTP attempts, no raw scan.
        AuditEntry discovery = Assert.Single(ledger, e => e.Kind == "dataops.discovery");
        Assert.Equal(("synthetic", "ok"), (discovery.Data["source"]!.GetValue<string>(), discovery.Data["status"]!.GetValue<string>()));
        Assert.Null(discovery.Data["url"]);
        Assert.Null(discovery.Data["raw_file"]);
        Assert.Empty(discovery.Data["attempts"]!.AsArray());
        int candidateFiles = 0;
        await foreach (LakeObjectInfo info in host.Lake.ListAsync(LakePath.Parse("raw/binance/discovery")))
        {
            candidateFiles += info.Path.Name.StartsWith("candidates_", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Equal(1, candidateFiles);

        // A second run over the same lake is idempotent: no new bronze rows.
        RunRecord again = await host.RunAsync(Manifest, runId: "ingest-2");
        Assert.Equal(RunStatus.Succeeded, again.Status);
        (LakeTable after, _) = await LakeTableStore.ReadDatasetAsync(host.Lake, BronzeIngestor.DatasetOf(LakeIdentifier.Parse("binance")));
        Assert.Equal(bronze.RowCount, after.RowCount);
    }
}
