using System.Collections.Concurrent;
using System.Globalization;

namespace QuantFunctions.Cli.Durable;

/// <summary>
/// Counts the activities this process executed, by name, and knows when it last did something: an activity handed to
/// the worker or finished (for <c>quant worker --idle-exit</c>). Thread-safe.
/// </summary>
public sealed class ActivityTally
{
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _executed = new(StringComparer.Ordinal);
    private long _lastActivityTicks;
    private int _total;

    /// <summary>Creates a tally whose idle time starts now.</summary>
    public ActivityTally(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _lastActivityTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>Activities executed to the end (succeeded or failed) in this process.</summary>
    public int Executed => Volatile.Read(ref _total);

    /// <summary>Activities running in this process now.</summary>
    public int Running => _running.Count;

    /// <summary>When an activity last started or ended here (or the tally was created).</summary>
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>How long nothing has run here: zero while an activity runs.</summary>
    public TimeSpan IdleFor => Running > 0 ? TimeSpan.Zero : _time.GetUtcNow() - LastActivity;

    /// <summary>Executed activities by name, sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> ExecutedByName =>
        [.. _executed.OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>Records that activity <paramref name="name"/> (task <paramref name="taskId"/> of <paramref name="instanceId"/>) was handed to the worker.</summary>
    public void Started(string instanceId, int taskId, string name)
    {
        _running[Key(instanceId, taskId)] = name;
        Touch();
    }

    /// <summary>Records that the worker finished the activity (its result, or its failure, was reported).</summary>
    public void Finished(string instanceId, int taskId)
    {
        if (_running.TryRemove(Key(instanceId, taskId), out string? name))
        {
            Interlocked.Increment(ref _total);
            _executed.AddOrUpdate(name, 1, (_, n) => n + 1);
        }

        Touch();
    }

    /// <summary>"N activities (Name n, …)".</summary>
    public string Summary()
    {
        IReadOnlyList<KeyValuePair<string, int>> byName = ExecutedByName;
        string total = string.Create(CultureInfo.InvariantCulture, $"{Executed} activities");
        return byName.Count == 0 ? total : $"{total} ({string.Join(", ", byName.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")))})";
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivityTicks, _time.GetUtcNow().UtcTicks);

    private static string Key(string instanceId, int taskId) => string.Create(CultureInfo.InvariantCulture, $"{instanceId}#{taskId}");
}
