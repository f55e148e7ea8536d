using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using QuantFunctions.Hosting;
using QuantFunctions.Hosting.Settings;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Testing;

namespace QuantFunctions.Durable.Tests.Workers;

/// <summary>The demo's pipelines (as <c>quant demo</c> runs them) and the lakes, environments and ledgers the worker tests use.</summary>
internal static class DemoRuns
{
    public const string AsOfText = "2024-01-03T00:00:00Z";
    public const string DataOpsManifest = "manifests/demo/dataops/version=1.0.0/manifest.json";
    public const string MetaManifest = "manifests/demo/meta/version=1.0.0/manifest.json";
    public const string DataOpsRunId = "demo-dataops";
    public const string MetaRunId = "demo-meta";
    public const int Seed = 42;

    public static readonly DateTimeOffset AsOf = new(2024, 1, 3, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A connection string with the Blob, Queue and Table endpoints (the task hub needs all three).</summary>
    public static string ConnectionString(AzuriteFixture azurite) =>
        azurite.ConnectionString + string.Create(CultureInfo.InvariantCulture, $"TableEndpoint=http://127.0.0.1:{TablePort(azurite)}/{AzuriteFixture.AccountName};");

    /// <summary>The environment of <c>quant</c> processes on a blob lake in <paramref name="container"/>.</summary>
    public static Dictionary<string, string> Environment(AzuriteFixture azurite, string container) => new(StringComparer.Ordinal)
    {
        ["QF_LAKE"] = "blob",
        ["QF_STORAGE_CONNECTION"] = ConnectionString(azurite),
        ["QF_LAKE_CONTAINER"] = container,
        ["QF_REPO_ROOT"] = RepositoryRoot.Find(),
        ["QF_MAX_PARALLELISM"] = "2",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>Opens the blob lake the processes use.</summary>
    public static Task<ILakeStore> OpenBlobLakeAsync(AzuriteFixture azurite, string container)
    {
        Dictionary<string, string> settings = Environment(azurite, container);
        return LakeStoreFactory.OpenAsync(HostSettingsBinder.BindLake(new SettingsSource(name => settings.GetValueOrDefault(name)), Path.GetTempPath()));
    }

    /// <summary>The runtime (local runner) over <paramref name="lake"/>.</summary>
    public static PipelineRuntime Runtime(ILakeStore lake) =>
        PipelineRuntime.Create(lake, new RunnerOptions { MaxParallelism = 2 }, NullLoggerFactory.Instance, TimeProvider.System);

    /// <summary>Runs a demo pipeline with the local runner, as <c>quant demo</c> does.</summary>
    public static async Task<Orchestration.Runs.RunRecord> RunLocallyAsync(PipelineRuntime runtime, string manifest, string runId)
    {
        PipelineManifest loaded = await runtime.Loader.LoadFileAsync(Path.Combine(RepositoryRoot.Find(), manifest));
        return await runtime.Runner.RunAsync(new RunRequest { Manifest = loaded, RunId = runId, Settings = new RunSettings { AsOf = AsOf, Seed = Seed } });
    }

    /// <summary>Every object under <paramref name="prefix"/>, by path.</summary>
    public static async Task<SortedDictionary<string, byte[]>> ReadTreeAsync(ILakeStore lake, string prefix)
    {
        var tree = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (LakeObjectInfo info in lake.ListAsync(LakePath.Parse(prefix)))
        {
            LakeObject? read = await lake.TryReadAsync(info.Path);
            tree[info.Path.Value] = read!.Content.ToArray();
        }

        return tree;
    }

    /// <summary>How many <c>node.succeeded</c> entries each node has in the run's <c>audit.jsonl</c>.</summary>
    public static async Task<Dictionary<string, int>> SucceededEntriesAsync(ILakeStore lake, string scope, string runId)
    {
        LakeObject? ledger = await lake.TryReadAsync(LakePath.Parse($"_meta/{scope}/runs/{runId}/audit.jsonl"));
        Assert.NotNull(ledger);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in System.Text.Encoding.UTF8.GetString(ledger.Content.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            JsonNode entry = JsonNode.Parse(line)!;
            if ((string?)entry["kind"] == "node.succeeded")
            {
                string node = (string)entry["node"]!;
                counts[node] = counts.GetValueOrDefault(node) + 1;
            }
        }

        return counts;
    }

    /// <summary>The activities a worker reports on exit: <c>quant worker: executed N activities (Name n, …)</c>.</summary>
    public static int Executed(string workerOutput, string activity)
    {
        int line = workerOutput.IndexOf("quant worker: executed ", StringComparison.Ordinal);
        Assert.True(line >= 0, "the worker printed no 'executed' line:\n" + workerOutput);
        string summary = workerOutput[line..].Split('\n')[0];
        int at = summary.IndexOf(activity + " ", StringComparison.Ordinal);
        return at < 0 ? 0 : int.Parse(summary[(at + activity.Length + 1)..].TakeWhile(char.IsAsciiDigit).ToArray(), CultureInfo.InvariantCulture);
    }

    // AzuriteFixture starts the Table service but exposes only the Blob and Queue endpoints.
    private static int TablePort(AzuriteFixture azurite)
    {
        if (typeof(AzuriteFixture).GetProperty("TablePort") is { } property)
        {
            return (int)property.GetValue(azurite)!;
        }

        FieldInfo field = typeof(AzuriteFixture).GetField("_tablePort", BindingFlags.NonPublic | BindingFlags.Instance)
            ?? throw new InvalidOperationException("AzuriteFixture has neither TablePort nor _tablePort");
        return (int)field.GetValue(azurite)!;
    }
}
