using System.Text.Json.Nodes;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Tests.Infrastructure;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests;

/// <summary>
/// <c>quant demo</c> as a process with the standard OTLP variables (<c>http/protobuf</c>, a base endpoint, headers) against a
/// loopback OTLP/HTTP receiver: spans go to /v1/traces and metrics to /v1/metrics, and the decoded spans are the runs'
/// forensic traces (same trace ids, run → node parent/child).
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Demo_HttpProtobufBaseEndpoint_PostsSpansAndMetricsToSignalPathsMatchingForensicTrace()
    {
        using var receiver = new OtlpReceiver();
        using var lake = new TempDirectory("qf-otlp");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.AbsoluteUri.TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-qf-test=otlp-ok",
        };

        (int exit, string output) = await QuantProcess.RunAsync(lake.Path, environment, "demo");

        Assert.True(exit == 0, output);
        IReadOnlyList<OtlpRequest> requests = receiver.Requests;
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Contains(r.Path, new[] { "/v1/traces", "/v1/metrics" }));
        Assert.Contains(requests, r => r.Path == "/v1/metrics");
        Assert.All(requests, r => Assert.Equal("otlp-ok", r.Headers.GetValueOrDefault("x-qf-test")));
        Assert.All(requests, r => Assert.StartsWith("application/x-protobuf", r.ContentType, StringComparison.Ordinal));
        OtlpSpan[] spans = [.. requests.Where(r => r.Path == "/v1/traces").SelectMany(r => OtlpSpanDecoder.Decode(r.Body))];

        foreach (string run in new[] { "demo-dataops", "demo-meta" })
        {
            JsonArray forensic = JsonNode.Parse(File.ReadAllText(Path.Combine(lake.Path, "_meta", "demo", "runs", run, "forensic_trace.json")))!["spans"]!.AsArray();
            JsonNode root = forensic.Single(s => s!["parent_span_id"] is null)!;
            string traceId = root["trace_id"]!.GetValue<string>();
            string rootSpan = root["span_id"]!.GetValue<string>();

            OtlpSpan exportedRoot = Assert.Single(spans, s => s.SpanId == rootSpan);
            Assert.Equal(traceId, exportedRoot.TraceId);
            Assert.StartsWith("run demo/", exportedRoot.Name, StringComparison.Ordinal);
            var expected = forensic.Select(s => (s!["name"]!.GetValue<string>(), s["span_id"]!.GetValue<string>(), s["parent_span_id"]?.GetValue<string>())).ToHashSet();
            var exported = spans.Where(s => s.TraceId == traceId).Select(s => (s.Name, s.SpanId, s.ParentSpanId)).ToHashSet();
            Assert.Equal(expected, exported);
            OtlpSpan[] nodes = [.. spans.Where(s => s.TraceId == traceId && s.Name.StartsWith("node ", StringComparison.Ordinal))];
            Assert.NotEmpty(nodes);
            Assert.All(nodes, n => Assert.Equal(rootSpan, n.ParentSpanId));
        }
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "not a uri")]
    [InlineData("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ftp://127.0.0.1/v1/traces")]
    public void Create_BadEndpoint_IsAUsageErrorNamingTheVariable(string name, string value)
    {
        UsageException error = Assert.Throws<UsageException>(() => CliTelemetry.Create(n => n == name ? value : null));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HttpJsonProtocol_IsAUsageErrorNamingTheSupportedOnes()
    {
        UsageException error = Assert.Throws<UsageException>(() => CliTelemetry.Create(n => n switch
        {
            "OTEL_EXPORTER_OTLP_ENDPOINT" => "http://127.0.0.1:4318",
            "OTEL_EXPORTER_OTLP_PROTOCOL" => "http/json",
            _ => null,
        }));

        Assert.Contains("http/protobuf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoEndpoint_NoSdk() => Assert.Null(CliTelemetry.Create(_ => null));

    [Fact]
    public void Create_PerSignalEndpointOnly_ExportsWithTheSdk()
    {
        using OpenTelemetry.OpenTelemetrySdk? sdk = CliTelemetry.Create(n => n == "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" ? "http://127.0.0.1:9/v1/traces" : null);

        Assert.NotNull(sdk);
    }
}
