using System.Collections.Concurrent;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Planning;

namespace QuantFunctions.Orchestration.Queue;

/// <summary>
/// What a queue worker may remember between messages without going stale: a run's plan and settings (immutable for a
/// run id: its manifest hash and <c>run.started</c> settings never change) and stage records by ETag (a record is
/// re-read only when its blob's ETag in the listing differs). Saves a worker re-reading the manifest, the whole ledger
/// and every <c>stage.json</c> on each message, which made re-planning cost O(nodes) reads per node.
/// </summary>
internal sealed class QueueRunCache(LocalRunner runner, int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, (ExecutionPlan Plan, RunSettings Settings)> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ETag, StageRecord Record)> _stages = new(StringComparer.Ordinal);

    /// <summary>The run's plan and settings (read once per run, manifest hash and parameters hash).</summary>
    public async Task<(ExecutionPlan Plan, RunSettings Settings)> PlanAsync(RunRecord run, CancellationToken cancellationToken)
    {
        string key = $"{run.Scope}/{run.RunId}/{run.ManifestHash}/{run.ParamsHash}";
        if (_plans.TryGetValue(key, out (ExecutionPlan, RunSettings) cached))
        {
            return cached;
        }

        (ExecutionPlan Plan, RunSettings Settings) loaded = await runner.LoadPlanAsync(run, cancellationToken).ConfigureAwait(false);
        Bound(_plans);
        _plans[key] = loaded;
        return loaded;
    }

    /// <summary>Every <c>stage.json</c> of the run, by node key: one listing, and a read only for records whose ETag changed.</summary>
    public async Task<Dictionary<string, StageRecord>> StagesAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var stages = new Dictionary<string, StageRecord>(StringComparer.Ordinal);
        await foreach ((LakeObjectInfo info, NodeKey node) in runner.Store.Records.ListStagesAsync(run.Scope, run.RunId, cancellationToken).ConfigureAwait(false))
        {
            if (_stages.TryGetValue(info.Path.Value, out (string ETag, StageRecord Record) cached) && cached.ETag == info.ETag)
            {
                stages[cached.Record.Node.Value] = cached.Record;
                continue;
            }

            Versioned<StageRecord>? read = await runner.Store.Records.ReadStageAsync(run.Scope, run.RunId, node, cancellationToken).ConfigureAwait(false);
            if (read is not null)
            {
                Bound(_stages);
                _stages[info.Path.Value] = (read.ETag, read.Value);
                stages[read.Value.Node.Value] = read.Value;
            }
        }

        return stages;
    }

    private void Bound<TValue>(ConcurrentDictionary<string, TValue> cache)
    {
        if (cache.Count >= capacity)
        {
            cache.Clear(); // Simple and safe: everything cached can be read again.
        }
    }
}
