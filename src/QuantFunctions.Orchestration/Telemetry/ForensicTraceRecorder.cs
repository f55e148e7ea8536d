using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>
/// Collects the finished spans of the traces it is asked to track, from one
/// <see cref="OrchestrationTelemetry"/>'s activity source (see <see cref="OrchestrationTelemetry.Forensics"/>), so that every run can write its spans to
/// <c>forensic_trace.json</c> whether or not an exporter is configured. Spans of that source are
/// always sampled while the recorder lives.
/// </summary>
public sealed class ForensicTraceRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<SpanRecord>> _traces = new();
    private readonly Dictionary<ActivityTraceId, int> _trackers = [];
    private readonly Lock _gate = new();

    /// <summary>Starts listening to <paramref name="source"/>.</summary>
    internal ForensicTraceRecorder(ActivitySource source)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, source),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>
    /// Starts collecting the spans of <paramref name="traceId"/>. Several executions may track one trace at once (the
    /// nodes of a run on one Durable worker): each <see cref="Take"/> ends one of them.
    /// </summary>
    public void Track(ActivityTraceId traceId)
    {
        lock (_gate)
        {
            _trackers[traceId] = _trackers.GetValueOrDefault(traceId) + 1;
            _traces.TryAdd(traceId, new ConcurrentQueue<SpanRecord>());
        }
    }

    /// <summary>
    /// Returns the spans of <paramref name="traceId"/> collected and not yet taken, ordered by start time, then span id,
    /// and stops collecting it once every execution that tracks it has taken.
    /// </summary>
    public IReadOnlyList<SpanRecord> Take(ActivityTraceId traceId)
    {
        ConcurrentQueue<SpanRecord>? spans;
        var list = new List<SpanRecord>();
        lock (_gate)
        {
            if (!_traces.TryGetValue(traceId, out spans))
            {
                return [];
            }

            int left = _trackers.GetValueOrDefault(traceId) - 1;
            if (left <= 0)
            {
                _trackers.Remove(traceId);
                _traces.TryRemove(traceId, out _);
            }
            else
            {
                _trackers[traceId] = left;
            }

            while (spans.TryDequeue(out SpanRecord? span))
            {
                list.Add(span);
            }
        }

        list.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.SpanId, b.SpanId));
        return list;
    }

    /// <inheritdoc/>
    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (!_traces.TryGetValue(activity.TraceId, out ConcurrentQueue<SpanRecord>? spans))
        {
            return;
        }

        var attributes = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> tag in activity.TagObjects)
        {
            attributes[tag.Key] = tag.Value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : tag.Value?.ToString();
        }

        var start = new DateTimeOffset(activity.StartTimeUtc, TimeSpan.Zero);
        spans.Enqueue(new SpanRecord
        {
            Name = activity.DisplayName,
            TraceId = activity.TraceId.ToHexString(),
            SpanId = activity.SpanId.ToHexString(),
            ParentSpanId = activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
            Start = start,
            End = start + activity.Duration,
            Status = activity.Status switch
            {
                ActivityStatusCode.Ok => "ok",
                ActivityStatusCode.Error => "error",
                _ => "unset",
            },
            StatusDescription = activity.StatusDescription,
            Attributes = attributes,
        });
    }
}
