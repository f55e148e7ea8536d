using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using QuantFunctions.Lake.Fingerprints;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Tests.Fakes;

/// <summary>
/// A fake stage whose behaviour is scripted per node key: fail with given exceptions on the first
/// attempts, hang until cancelled, or wait on a gate; records invocations and peak concurrency, and signals them
/// (<see cref="WaitForCallsAsync(string, int)"/>) so tests wait on a call rather than poll for it.
/// </summary>
public sealed class ScriptedStage : IStage
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Exception>> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _hangs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Key, int Attempt, object Parameters, string? Item, int Sample)> _calls = new();
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> _waiters = [];
    private int _current;
    private int _peak;

    /// <summary>How long a test waits for a call before failing (real time: the runner calls stages on its own tasks).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The content tag of the input each node reads: the node reports a fingerprint of it (and
    /// <see cref="ComputeInputFingerprintsAsync"/> returns it); nodes without a tag read nothing fingerprinted.
    /// </summary>
    public ConcurrentDictionary<string, string> Fingerprints { get; } = new(StringComparer.Ordinal);

    /// <summary>A dataset fingerprint whose content is identified by <paramref name="tag"/>.</summary>
    public static InputFingerprint FingerprintOf(string tag) => new("input", DatasetFingerprint.Create(
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("manifest"))),
        SchemaVersion.V1,
        [LakePath.Parse("silver/demo/test/version=1.0.0/input/year=2024")],
        [new FingerprintedFile(LakePath.Parse("silver/demo/test/version=1.0.0/input/year=2024/part-0.parquet"), 100, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tag))))]));

    /// <summary>Lake paths a node writes (one small object each).</summary>
    public ConcurrentDictionary<string, LakePath> Writes { get; } = new(StringComparer.Ordinal);

    /// <summary>Executions in flight now.</summary>
    public int CurrentConcurrency => Volatile.Read(ref _current);

    /// <summary>When set, every execution waits on it (to hold several nodes in flight at once).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>The last context each node key ran with.</summary>
    public ConcurrentDictionary<string, StageContext> Contexts { get; } = new(StringComparer.Ordinal);

    /// <summary>Invocations in order.</summary>
    public IReadOnlyList<(string Key, int Attempt, object Parameters, string? Item, int Sample)> Calls => [.. _calls];

    /// <summary>The most executions seen in flight at once.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peak);

    /// <summary>Fails the next attempts of <paramref name="key"/> with these exceptions, in order.</summary>
    public ScriptedStage FailWith(string key, params Exception[] exceptions)
    {
        ConcurrentQueue<Exception> queue = _failures.GetOrAdd(key, _ => new ConcurrentQueue<Exception>());
        foreach (Exception e in exceptions)
        {
            queue.Enqueue(e);
        }

        return this;
    }

    /// <summary>Makes <paramref name="key"/> hang until its cancellation token fires.</summary>
    public ScriptedStage Hang(string key)
    {
        _hangs[key] = true;
        return this;
    }

    /// <summary>Removes every scripted failure and hang.</summary>
    public void Heal()
    {
        _failures.Clear();
        _hangs.Clear();
    }

    /// <summary>How many times <paramref name="key"/> was executed (all attempts).</summary>
    public int CountOf(string key) => _calls.Count(c => c.Key == key);

    /// <summary>Completes once <paramref name="key"/> has been called <paramref name="count"/> times (all attempts).</summary>
    /// <exception cref="TimeoutException">Not within <see cref="Patience"/>.</exception>
    public Task WaitForCallsAsync(string key, int count) => WaitUntilAsync(() => CountOf(key) >= count);

    /// <summary>Completes once the stage has been called <paramref name="count"/> times in all.</summary>
    /// <exception cref="TimeoutException">Not within <see cref="Patience"/>.</exception>
    public Task WaitForCallsAsync(int count) => WaitUntilAsync(() => _calls.Count >= count);

    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        int now = Interlocked.Increment(ref _current);
        InterlockedMax(ref _peak, now);
        try
        {
            // The first draw of the seeded Random: lets tests check seeds are per node and stable.
            string key = context.NodeKey.Value;
            Contexts[key] = context;
            _calls.Enqueue((key, context.Attempt, context.Parameters, context.ForEachItem, context.Random.Next()));
            SignalWaiters();
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }

            if (_hangs.ContainsKey(key))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var outputs = new List<OutputLocation>();
            if (Writes.TryGetValue(key, out LakePath path))
            {
                await context.Lake.WriteAsync(path, "{}"u8.ToArray(), LakeWriteMode.Overwrite, cancellationToken);
                outputs.Add(new OutputLocation("out", path));
            }

            if (_failures.TryGetValue(key, out ConcurrentQueue<Exception>? queue) && queue.TryDequeue(out Exception? failure))
            {
                throw failure;
            }

            return new StageResult
            {
                RowsRead = 10,
                RowsWritten = 5,
                Outputs = outputs,
                Inputs = Fingerprints.TryGetValue(key, out string? tag) ? [FingerprintOf(tag)] : [],
                Summary = new JsonObject { ["node"] = key },
            };
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }

    public Task<IReadOnlyList<InputFingerprint>?> ComputeInputFingerprintsAsync(StageContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InputFingerprint>?>(Fingerprints.TryGetValue(context.NodeKey.Value, out string? tag) ? [FingerprintOf(tag)] : []);

    private Task WaitUntilAsync(Func<bool> done)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (done())
            {
                return Task.CompletedTask;
            }

            _waiters.Add((done, signal));
        }

        return signal.Task.WaitAsync(Patience);
    }

    private void SignalWaiters()
    {
        lock (_waiters)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Done())
                {
                    _waiters[i].Signal.SetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
