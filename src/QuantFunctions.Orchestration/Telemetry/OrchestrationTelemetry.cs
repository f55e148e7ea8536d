using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QuantFunctions.Orchestration.Telemetry;

/// <summary>
/// The orchestration's OpenTelemetry instruments: an <see cref="ActivitySource"/> (one root span per
/// run, a child span per node) and a <see cref="Meter"/> with node duration, rows and retries.
/// </summary>
public sealed class OrchestrationTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string SourceName = "QuantFunctions.Orchestration";

    /// <summary>Creates the instruments.</summary>
    public OrchestrationTelemetry()
    {
        ActivitySource = new ActivitySource(SourceName, "1.0.0");
        Meter = new Meter(SourceName, "1.0.0");
        NodeDuration = Meter.CreateHistogram<double>("qf.orchestration.node.duration", "s", "Duration of node executions, all attempts included.");
        RowsRead = Meter.CreateCounter<long>("qf.orchestration.rows.read", "{row}", "Rows read from the lake by stages.");
        RowsWritten = Meter.CreateCounter<long>("qf.orchestration.rows.written", "{row}", "Rows written to the lake by stages.");
        Retries = Meter.CreateCounter<long>("qf.orchestration.node.retries", "{retry}", "Retries of node executions after transient errors.");
        Forensics = new ForensicTraceRecorder(ActivitySource);
    }

    /// <summary>The recorder of the spans each run writes to <c>forensic_trace.json</c>.</summary>
    public ForensicTraceRecorder Forensics { get; }

    /// <summary>The tracer: spans named <c>run {scope}/{pipeline}</c> and <c>node {key}</c>.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary>The meter.</summary>
    public Meter Meter { get; }

    /// <summary>Node duration in seconds, tagged with pipeline, stage and status.</summary>
    public Histogram<double> NodeDuration { get; }

    /// <summary>Rows read, tagged with pipeline and stage.</summary>
    public Counter<long> RowsRead { get; }

    /// <summary>Rows written, tagged with pipeline and stage.</summary>
    public Counter<long> RowsWritten { get; }

    /// <summary>Retries, tagged with pipeline, stage and exception type.</summary>
    public Counter<long> Retries { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Forensics.Dispose();
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
