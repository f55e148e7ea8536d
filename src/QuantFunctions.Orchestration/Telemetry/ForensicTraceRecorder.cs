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

    /// <summary>Starts collecting the spans of <paramref name="traceId"/>.</summary>
    public void Track(ActivityTraceId traceId) => _traces.TryAdd(traceId, new ConcurrentQueue<SpanRecord>());

    /// <summary>Stops collecting <paramref name="traceId"/> and returns its spans ordered by start time, then span id.</summary>
    public IReadOnlyList<SpanRecord> Take(ActivityTraceId traceId)
    {
        if (!_traces.TryRemove(traceId, out ConcurrentQueue<SpanRecord>? spans))
        {
            return [];
        }

        var list = spans.ToList();
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
