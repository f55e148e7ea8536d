using QuantFunctions.Core.Scheduling;
using QuantFunctions.Lake.Datasets;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Stages.DataOps;
using QuantFunctions.Testing;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary>The per-universe DataOps manifests shipped under manifests/crypto and manifests/equity.</summary>
public sealed class UniverseManifestsTests
{
    public static TheoryData<string, string, string, string> Manifests => new()
    {
        { "crypto/dataops_crypto_spot/version=1.0.0/manifest.json", "dataops_crypto_spot", "crypto", "0 15 0 * * *" },
        { "equity/dataops_us_equity/version=1.0.0/manifest.json", "dataops_us_equity", "equity", "0 30 22 * * 1-5" },
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public async Task LoadFile_UniverseManifest_ValidatesAgainstTheRealRegistry(string relative, string id, string scope, string schedule)
    {
        var loader = new ManifestLoader(new StageRegistryBuilder().AddQuantStages().Build());

        PipelineManifest manifest = await loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), "manifests", relative));

        Assert.Equal(id, manifest.Id);
        Assert.Equal(scope, manifest.Scope);
        Assert.Equal(PipelineKind.Data, manifest.Kind);
        Assert.Equal(schedule, manifest.Schedule);
        Assert.NotNull(NCrontabSchedule.Parse(manifest.Schedule!)); // 6-field NCRONTAB
        Assert.Equal(["dataops.ingest", "dataops.health", "dataops.returns", "dataops.features"], manifest.Nodes.Select(n => n.Stage).ToArray());
    }

    [Fact]
    public async Task Run_CryptoSpotManifest_IngestsOfflineAndWritesSilverReturnsAndFeatures()
    {
        string json = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "manifests", "crypto", "dataops_crypto_spot", "version=1.0.0", "manifest.json"));
        using var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages().Build());

        RunRecord run = await host.RunAsync(json, runId: "crypto-1");

        Assert.True(run.Status == RunStatus.Succeeded, run.Error?.Message + " | " + string.Join(" | ", run.Nodes.Select(n => n.Error?.Message)));
        Assert.Equal(4, run.Nodes.Count);
        (LakeTable bronze, _) = await LakeTableStore.ReadDatasetAsync(host.Lake, BronzeIngestor.DatasetOf(LakeIdentifier.Parse("binance")));
        Assert.Equal(20, bronze.Strings("symbol").Distinct().Count()); // assets_per_market = 20 in the manifest
        NodeState features = Assert.Single(run.Nodes, n => n.Node.Id == "dataops.features");
        Assert.Contains(features.Outputs, o => o.Path.Value.Contains("silver/crypto_spot/dataops_crypto_spot/version=1.0.0/", StringComparison.Ordinal));
    }
}
