using System.Text.Json.Nodes;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Orchestration.Testing;
using QuantFunctions.Testing;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>The DataOps hand-off: a succeeded data run publishes latest.json; alpha.select consumes and records it.</summary>
public sealed class DataHandoffTests
{
    private static string ModelManifest(string sourceRun) => $$"""
        {
          "id": "crypto_model", "version": "1.0.0", "scope": "sleeve", "kind": "model",
          "nodes": [
            { "id": "alpha.select", "stage": "alpha.select",
              "params": { "sleeve": "crypto_long", "source_pipeline": "dataops_crypto_spot", "source_version": "1.0.0",
                          "source_scope": "crypto"{{sourceRun}},
                          "sleeves": { "crypto_long": { "universe": "crypto_spot", "direction": "long", "top_n": 5, "lookback": 60, "skip": 0,
                                                        "allocation_lookback": 60, "engine": "inverse_vol", "periods_per_year": 365 } } } }
          ]
        }
        """;

    private static async Task<(DagTestHost Host, RunRecord Run, DataHandoff Handoff)> PublishCryptoAsync()
    {
        string json = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "manifests", "crypto", "dataops_crypto_spot", "version=1.0.0", "manifest.json"));
        var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());
        RunRecord run = await host.RunAsync(json, runId: "crypto-1");
        Assert.Equal(RunStatus.Succeeded, run.Status);
        DataHandoff handoff = (await DataHandoffStore.PublishAsync(host.Lake, run, DagTestHost.DefaultAsOf))!;
        return (host, run, handoff);
    }

    [Fact]
    public async Task PublishAsync_SucceededDataRun_WritesLatestWithRunIdAsOfAndSilverFingerprints()
    {
        (DagTestHost host, RunRecord run, DataHandoff published) = await PublishCryptoAsync();
        using (host)
        {
            DataHandoff read = (await DataHandoffStore.ReadAsync(host.Lake, LakeIdentifier.Parse("crypto"), LakeIdentifier.Parse("dataops_crypto_spot")))!;

            Assert.NotNull(await host.Lake.GetInfoAsync(LakePath.Parse("_meta/crypto/pipelines/dataops_crypto_spot/latest.json")));
            Assert.Equal("crypto-1", read.RunId);
            Assert.Equal(DagTestHost.DefaultAsOf, read.AsOf);
            Assert.Equal(run.ManifestHash, read.ManifestHash);
            Assert.Equal(published.Fingerprints, read.Fingerprints);
            string[] silver = [.. read.Fingerprints.Keys.Where(k => k.StartsWith("silver/crypto_spot/dataops_crypto_spot/", StringComparison.Ordinal))];
            Assert.NotEmpty(silver);
            foreach (string path in silver)
            {
                // Independent recomputation with the lake's fingerprinter (same files, manifest hash and schema v1).
                DatasetFingerprint again = await DatasetFingerprinter.ComputeAsync(host.Lake, run.ManifestHash, SchemaVersion.Parse("v1"), [LakePath.Parse(path)]);
                Assert.Equal(again.Hash, read.Fingerprints[path]);
            }
        }
    }

    [Fact]
    public async Task PublishAsync_ModelRun_PublishesNothing()
    {
        (DagTestHost host, _, _) = await PublishCryptoAsync();
        using (host)
        {
            RunRecord model = await host.RunAsync(ModelManifest(string.Empty), runId: "model-1");

            Assert.Null(await DataHandoffStore.PublishAsync(host.Lake, model, DagTestHost.DefaultAsOf));
            Assert.Null(await DataHandoffStore.ReadAsync(host.Lake, LakeIdentifier.Parse("sleeve"), LakeIdentifier.Parse("crypto_model")));
        }
    }

    [Fact]
    public async Task Select_PublishedHandoff_RecordsTheConsumedRunAndFingerprintsInItsAuditEntry()
    {
        (DagTestHost host, _, DataHandoff published) = await PublishCryptoAsync();
        using (host)
        {
            RunRecord model = await host.RunAsync(ModelManifest(", \"source_run\": \"crypto-1\""), runId: "model-1");

            Assert.True(model.Status == RunStatus.Succeeded, string.Join(" | ", model.Nodes.Select(n => n.Error?.Message)));
            IReadOnlyList<AuditEntry> ledger = await host.ReadLedgerAsync("sleeve", "model-1");
            JsonObject source = Assert.Single(ledger, e => e.Kind == "alpha.selection").Data["source"]!.AsObject();
            Assert.Equal("crypto-1", source["run_id"]!.GetValue<string>());
            JsonObject fingerprints = source["fingerprints"]!.AsObject();
            Assert.Equal(published.Fingerprints.Count, fingerprints.Count);
            foreach (KeyValuePair<string, string> kv in published.Fingerprints)
            {
                Assert.Equal(kv.Value, fingerprints[kv.Key]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public async Task Select_SourceRunNotPublished_FailsNamingBothRuns()
    {
        (DagTestHost host, _, _) = await PublishCryptoAsync();
        using (host)
        {
            RunRecord model = await host.RunAsync(ModelManifest(", \"source_run\": \"crypto-0\""), runId: "model-1");

            Assert.Equal(RunStatus.Failed, model.Status);
            string message = string.Join(" | ", model.Nodes.Select(n => n.Error?.Message));
            Assert.Contains("source_run 'crypto-0' is not the published run of 'dataops_crypto_spot'", message, StringComparison.Ordinal);
            Assert.Contains("'crypto-1'", message, StringComparison.Ordinal);
        }
    }
}
