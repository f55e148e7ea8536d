using System.Collections.Concurrent;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Durable.Tests.Fakes;

/// <summary>
/// A fake stage scripted per node key: writes one small gold object named after the node, fails with given exceptions
/// on its next executions, or waits on a gate; counts executions per node.
/// </summary>
public sealed class ScriptedStage : IStage
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Exception>> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>When set, executions of these node keys wait on it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>The node keys that wait on <see cref="Gate"/>.</summary>
    public ConcurrentDictionary<string, bool> Gated { get; } = new(StringComparer.Ordinal);

    /// <summary>Signalled when a gated node starts.</summary>
    public TaskCompletionSource GatedStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedStage FailWith(string key, params Exception[] exceptions)
    {
        ConcurrentQueue<Exception> queue = _failures.GetOrAdd(key, _ => new ConcurrentQueue<Exception>());
        foreach (Exception e in exceptions)
        {
            queue.Enqueue(e);
        }

        return this;
    }

    public int CountOf(string key) => _counts.TryGetValue(key, out int n) ? n : 0;

    public int Total => _counts.Values.Sum();

    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        string key = context.NodeKey.Value;
        _counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (Gate is { } gate && Gated.ContainsKey(key))
        {
            GatedStarted.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (_failures.TryGetValue(key, out ConcurrentQueue<Exception>? queue) && queue.TryDequeue(out Exception? failure))
        {
            throw failure;
        }

        string name = key.Replace('[', '_').Replace(']', '_').Replace('.', '_');
        LakePath path = LakePath.Parse($"gold/test/{name}.json");
        await context.Lake.WriteAsync(path, System.Text.Encoding.UTF8.GetBytes($"{{\"node\":\"{context.NodeKey}\",\"seed\":{context.Seed}}}"), LakeWriteMode.Overwrite, cancellationToken);
        return new StageResult { RowsRead = 1, RowsWritten = 1, Outputs = [new OutputLocation("out", path)] };
    }
}
