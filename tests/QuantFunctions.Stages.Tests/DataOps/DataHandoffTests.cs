using System.Text.Json.Nodes;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
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
                          "sleeves": { "crypto_long": { "universe": "crypto_spot", "direction": "long", "selection": { "standard": "v4" },
                                                        "allocation_lookback": 60, "engine": "inverse_vol", "periods_per_year": 365 } } } }
          ]
        }
        """;

    private static async Task<(DagTestHost Host, RunRecord Run, DataHandoff Handoff)> PublishCryptoAsync()
    {
        string json = await ReadCryptoManifestAsync();
        var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());
        RunRecord run = await host.RunAsync(json, runId: "crypto-1");
        Assert.Equal(RunStatus.Succeeded, run.Status);
        // The runner publishes the hand-off when the data run completes; nothing else is called here.
        DataHandoff handoff = (await DataHandoffStore.ReadAsync(host.Lake, LakeIdentifier.Parse("crypto"), LakeIdentifier.Parse("dataops_crypto_spot")))!;
        return (host, run, handoff);
    }

    private static async Task<string> ReadCryptoManifestAsync() =>
        await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "manifests", "crypto", "dataops_crypto_spot", "version=1.0.0", "manifest.json"));

    private static string ErrorsOf(RunRecord run) => string.Join(" | ", run.Nodes.Select(n => n.Error?.Message));

    [Fact]
    public async Task Run_SucceededDataRun_PublishesLatestWithRunIdAsOfAndSilverFingerprints()
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
            Assert.Contains(model.Nodes, n => n.Error?.Code == ErrorCodes.HandoffMismatch.Value);
            string message = string.Join(" | ", model.Nodes.Select(n => n.Error?.Message));
            Assert.Contains("source_run 'crypto-0' is not the published run of 'dataops_crypto_spot'", message, StringComparison.Ordinal);
            Assert.Contains("'crypto-1'", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_SucceededDataRun_AuditsThePublicationBeforeRunCompleted()
    {
        (DagTestHost host, _, DataHandoff published) = await PublishCryptoAsync();
        using (host)
        {
            IReadOnlyList<AuditEntry> ledger = await host.ReadLedgerAsync("crypto", "crypto-1");
            int publication = ledger.ToList().FindIndex(e => e.Kind == "handoff.published");
            int completed = ledger.ToList().FindIndex(e => e.Kind == "run.completed");

            Assert.True(publication >= 0 && publication < completed, $"handoff.published at {publication}, run.completed at {completed}");
            Assert.Equal(published.Fingerprints.Count, ledger[publication].Data["fingerprints"]!.AsObject().Count);
            Assert.Equal("_meta/crypto/pipelines/dataops_crypto_spot/latest.json", ledger[completed].Data["handoff"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Run_OlderDataRunResumedAfterANewerOne_KeepsTheNewerHandoff()
    {
        (DagTestHost host, _, _) = await PublishCryptoAsync();
        using (host)
        {
            string json = await ReadCryptoManifestAsync();
            RunRecord newer = await host.RunAsync(json, runId: "crypto-2", asOf: DagTestHost.DefaultAsOf.AddDays(7));
            Assert.Equal(RunStatus.Succeeded, newer.Status);

            RunRecord older = await host.ResumeAsync("crypto-1");

            Assert.Equal(RunStatus.Succeeded, older.Status);
            DataHandoff latest = (await DataHandoffStore.ReadAsync(host.Lake, LakeIdentifier.Parse("crypto"), LakeIdentifier.Parse("dataops_crypto_spot")))!;
            Assert.Equal("crypto-2", latest.RunId);
            AuditEntry kept = Assert.Single(await host.ReadLedgerAsync("crypto", "crypto-1"), e => e.Kind == "handoff.kept");
            Assert.Equal("crypto-2", kept.Data["published_run"]!.GetValue<string>());
            Assert.False(await DataHandoffStore.IsPublishedByAsync(host.Lake, older));
        }
    }

    [Fact]
    public async Task Select_SilverFileChangedAfterTheHandoff_FailsNamingTheFileAndTheRun()
    {
        (DagTestHost host, _, DataHandoff published) = await PublishCryptoAsync();
        using (host)
        {
            string[] returns = [.. published.Fingerprints.Keys.Where(k => k.StartsWith("silver/crypto_spot/dataops_crypto_spot/version=1.0.0/returns/", StringComparison.Ordinal))];
            Assert.True(returns.Length >= 2, "the crypto universe spans several yearly return files");
            LakeObject other = (await host.Lake.TryReadAsync(LakePath.Parse(returns[1])))!;
            await host.Lake.WriteAsync(LakePath.Parse(returns[0]), other.Content, LakeWriteMode.Overwrite);

            RunRecord model = await host.RunAsync(ModelManifest(string.Empty), runId: "model-1");

            Assert.Equal(RunStatus.Failed, model.Status);
            Assert.Contains(model.Nodes, n => n.Error?.Code == ErrorCodes.HandoffMismatch.Value);
            Assert.Contains($"changed: '{returns[0]}'", ErrorsOf(model), StringComparison.Ordinal);
            Assert.Contains("run 'crypto-1' published _meta/crypto/pipelines/dataops_crypto_spot/latest.json", ErrorsOf(model), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Select_SilverFileAddedAfterTheHandoff_Fails()
    {
        (DagTestHost host, _, DataHandoff published) = await PublishCryptoAsync();
        using (host)
        {
            string first = published.Fingerprints.Keys.First(k => k.StartsWith("silver/crypto_spot/dataops_crypto_spot/version=1.0.0/returns/", StringComparison.Ordinal));
            LakeObject content = (await host.Lake.TryReadAsync(LakePath.Parse(first)))!;
            const string Added = "silver/crypto_spot/dataops_crypto_spot/version=1.0.0/returns/year=2099/part-00000.parquet";
            await host.Lake.WriteAsync(LakePath.Parse(Added), content.Content, LakeWriteMode.CreateOnly);

            RunRecord model = await host.RunAsync(ModelManifest(string.Empty), runId: "model-1");

            Assert.Equal(RunStatus.Failed, model.Status);
            Assert.Contains(model.Nodes, n => n.Error?.Code == ErrorCodes.HandoffMismatch.Value);
            Assert.Contains($"gained '{Added}'", ErrorsOf(model), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Select_UnchangedSilver_RecordsHowManyFilesItVerified()
    {
        (DagTestHost host, _, DataHandoff published) = await PublishCryptoAsync();
        using (host)
        {
            RunRecord model = await host.RunAsync(ModelManifest(string.Empty), runId: "model-1");

            Assert.True(model.Status == RunStatus.Succeeded, ErrorsOf(model));
            JsonObject source = Assert.Single(await host.ReadLedgerAsync("sleeve", "model-1"), e => e.Kind == "alpha.selection").Data["source"]!.AsObject();
            int expected = published.Fingerprints.Keys.Count(k => k.StartsWith("silver/crypto_spot/dataops_crypto_spot/version=1.0.0/returns/", StringComparison.Ordinal));
            Assert.Equal(expected, source["verified_files"]!.GetValue<int>());
        }
    }
}
