using Microsoft.Extensions.Time.Testing;
using QuantFunctions.Testing;
using QuantFunctions.Core.Errors;
using QuantFunctions.DataOps.Providers;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;

namespace QuantFunctions.Stages.Tests.DataOps;

/// <summary><c>dataops.ingest</c> stops at its outbound HTTP deadline (on the <see cref="TimeProvider"/>): the node fails, typed and named.</summary>
public sealed class IngestDeadlineTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IngestStage_ServerHangsPastTheStageDeadline_NodeFailsWithDeadlineExceeded()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero));
        using var hanging = new HangingReply();
        using var server = new FixtureServer((path, _) =>
            path.StartsWith("/api/v3/exchangeInfo", StringComparison.Ordinal) ? FixtureReply.File("exchange_info.json") : hanging.Hang(FixtureReply.Error(503)));
        var limits = new OutboundHttpOptions { StageDeadline = TimeSpan.FromSeconds(60), AttemptTimeout = TimeSpan.FromMinutes(5) };
        using var host = new DagTestHost(new StageRegistryBuilder().AddQuantStages(MarketDataHttp.Create(limits, time)).Build());

        Task<RunRecord> run = host.RunAsync($$"""
            {
              "id": "dataops_deadline", "version": "1.0.0", "scope": "demo", "kind": "data",
              "nodes": [
                { "id": "ingest", "stage": "dataops.ingest",
                  "params": { "source": "binance", "base_url": "{{server.BaseAddress}}", "market": "BINANCE", "start": "2024-01-01", "end": "2024-01-04", "max_retries": 0 } }
              ]
            }
            """, runId: "deadline-1");
        await hanging.Received.WaitAsync(Guard);
        time.Advance(TimeSpan.FromSeconds(61));
        RunRecord record = await run.WaitAsync(Guard);
        hanging.Release();

        Assert.Equal(RunStatus.Failed, record.Status);
        NodeError error = Assert.Single(record.Nodes).Error!;
        Assert.Equal(typeof(ProviderException).FullName, error.Type);
        Assert.Equal(ErrorCodes.ProviderDeadlineExceeded.Value, error.Code);
        Assert.Contains("dataops.ingest node 'ingest': the outbound HTTP deadline of 60 s (QF_HTTP_STAGE_DEADLINE) passed", error.Message, StringComparison.Ordinal);
    }
}
