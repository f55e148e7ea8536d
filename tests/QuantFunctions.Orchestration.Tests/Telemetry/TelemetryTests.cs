using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Orchestration.Telemetry;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Orchestration.Tests.Fakes;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;

namespace QuantFunctions.Orchestration.Tests.Telemetry;

public sealed class TelemetryTests
{
    private static readonly string Diamond = Model(Node("a") + "," + Node("b", "a") + "," + Node("c", "a") + "," + Node("d", "b,c"));

    [Fact]
    public async Task RunAsync_WritesForensicTraceWithRootAndOneChildSpanPerNode()
    {
        var stage = new ScriptedStage().FailWith("c", new InvalidOperationException("no data"));
        using var host = new DagTestHost(TestRegistry.Create(stage));
        await host.RunAsync(Diamond);

        ForensicTrace? trace = await host.ReadForensicTraceAsync("demo", "run-1");

        Assert.NotNull(trace);
        SpanRecord root = Assert.Single(trace.Spans, s => s.ParentSpanId is null);
        Assert.Equal("run demo/test", root.Name);
        Assert.Equal("error", root.Status);
        Assert.Equal(["node a", "node b", "node c"], trace.Spans.Where(s => s.ParentSpanId == root.SpanId).Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(trace.Spans, s => Assert.Equal(root.TraceId, s.TraceId));
        Assert.Matches("^[0-9a-f]{32}$", root.TraceId);
        Assert.Matches("^[0-9a-f]{16}$", root.SpanId);
        SpanRecord c = trace.Spans.Single(s => s.Name == "node c");
        Assert.Equal(("error", "no data", "c", "test.work"), (c.Status, c.StatusDescription, c.Attributes["qf.node"], c.Attributes["qf.stage"]));
        Assert.Equal("ok", trace.Spans.Single(s => s.Name == "node a").Status);
        Assert.True(c.End >= c.Start);

        IReadOnlyList<AuditEntry> ledger = await host.ReadLedgerAsync("demo", "run-1");
        Assert.Equal(root.TraceId, ledger[0].TraceId);
    }

    [Fact]
    public async Task ResumeAsync_AppendsANewTraceToTheForensicFile()
    {
        var stage = new ScriptedStage().FailWith("b", new InvalidOperationException("x"));
        using var host = new DagTestHost(TestRegistry.Create(stage));
        await host.RunAsync(Diamond);
        stage.Heal();
        await host.ResumeAsync("run-1");

        ForensicTrace? trace = await host.ReadForensicTraceAsync("demo", "run-1");

        Assert.Equal(2, trace!.Spans.Count(s => s.ParentSpanId is null));
        Assert.Equal(2, trace.Spans.Select(s => s.TraceId).Distinct().Count());
        Assert.Equal(["node b", "node d"], trace.Spans.Where(s => s.TraceId == trace.Spans[^1].TraceId && s.ParentSpanId is not null).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddQuantTelemetry_SdkReceivesRunAndNodeSpans()
    {
        var processor = new CollectingProcessor();
        using (OpenTelemetrySdk sdk = OpenTelemetrySdk.Create(b => b.AddQuantTelemetry(new QuantTelemetryOptions()).WithTracing(t => t.AddProcessor(processor))))
        {
            using var host = new DagTestHost(TestRegistry.Create());
            await host.RunAsync(Diamond, "otel-run");
            Assert.NotNull(sdk.TracerProvider);
        }

        Activity root = Assert.Single(processor.Ended, a => a.DisplayName == "run demo/test" && (string?)a.GetTagItem("qf.run_id") == "otel-run");
        Assert.Equal(4, processor.Ended.Count(a => a.ParentSpanId == root.SpanId));
    }

    [Fact]
    public void CreateSdk_WithOtlpEndpoint_BuildsTraceAndMetricExport()
    {
        // Loopback port 9 (discard) refuses connections: the exporters are built and shut down without a collector.
        using OpenTelemetrySdk sdk = QuantTelemetryExtensions.CreateSdk(new QuantTelemetryOptions { OtlpEndpoint = new Uri("http://127.0.0.1:9") });
        Assert.NotNull(sdk.TracerProvider);
        Assert.NotNull(sdk.MeterProvider);
    }

    [Fact]
    public void CreateSdk_ExportOtlpFromStandardSettings_BuildsTraceAndMetricExport()
    {
        using OpenTelemetrySdk sdk = QuantTelemetryExtensions.CreateSdk(new QuantTelemetryOptions { ExportOtlp = true });
        Assert.NotNull(sdk.TracerProvider);
        Assert.NotNull(sdk.MeterProvider);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://127.0.0.1:4318/", OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, "http://127.0.0.1:4318/v1/traces")]
    [InlineData("https://collector.example/otlp", OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, "https://collector.example/otlp/v1/traces")]
    [InlineData("http://127.0.0.1:4318/v1/traces", OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://127.0.0.1:4317", OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, "http://127.0.0.1:4317/")]
    public void SignalEndpoint_BaseEndpoint_AppendsTheSignalPathForHttpOnly(string endpoint, OpenTelemetry.Exporter.OtlpExportProtocol protocol, string expected) =>
        Assert.Equal(new Uri(expected), QuantTelemetryExtensions.SignalEndpoint(new Uri(endpoint), protocol, QuantTelemetryExtensions.TracesPath));

    [Fact]
    public void AddQuantTelemetry_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentException>(() => QuantTelemetryExtensions.CreateSdk(new QuantTelemetryOptions { ServiceName = " " }));

    private sealed class CollectingProcessor : BaseProcessor<Activity>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Activity> _ended = new();

        public IReadOnlyList<Activity> Ended => [.. _ended];

        public override void OnEnd(Activity data) => _ended.Enqueue(data);
    }
}
