using System.Diagnostics.Metrics;
using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Audit;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Orchestration.Runs;
using QuantFunctions.Lake.Storage;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Manifests;
using QuantFunctions.Orchestration.Planning;
using QuantFunctions.Orchestration.Stages;
using QuantFunctions.Testing.Orchestration;
using QuantFunctions.Orchestration.Tests.Fakes;
using QuantFunctions.Testing;
using static QuantFunctions.Orchestration.Tests.Fakes.ManifestJson;

namespace QuantFunctions.Orchestration.Tests.Execution;

public sealed class LocalRunnerTests : IDisposable
{
    private static readonly string Diamond = Model(Node("a") + "," + Node("b", "a") + "," + Node("c", "a") + "," + Node("d", "b,c"));

    private readonly ScriptedStage _stage = new();
    private readonly DagTestHost _host;

    public LocalRunnerTests() => _host = new DagTestHost(TestRegistry.Create(_stage));

    public void Dispose() => _host.Dispose();

    private static DagTestHost HostWith(ScriptedStage stage, RunnerOptions options) => new(TestRegistry.Create(stage), options);

    [Fact]
    public async Task RunAsync_Diamond_AllNodesSucceedInDependencyOrder()
    {
        RunRecord run = await _host.RunAsync(Diamond);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.All(run.Nodes, n => Assert.Equal((NodeStatus.Succeeded, 1), (n.Status, n.Attempts)));
        var order = _stage.Calls.Select(c => c.Key).ToList();
        Assert.Equal("a", order[0]);
        Assert.Equal("d", order[3]);
        Assert.Equal(["a", "b", "c", "d"], order.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_PersistsRunStageRecordsAndManifestCopy()
    {
        RunRecord run = await _host.RunAsync(Diamond, "run-42");

        RunRecord? stored = await _host.Runner.Store.TryLoadAsync("demo", "run-42");
        Assert.NotNull(stored);
        Assert.Equal(RunStatus.Succeeded, stored.Status);
        Assert.Equal(run.ManifestHash, stored.ManifestHash);
        Assert.Equal(["a", "b", "c", "d"], stored.Nodes.Select(n => n.Node.Value));
        Assert.NotNull(stored.AuditHead);
        StageRecord d = (await _host.Runner.Store.Records.ReadStageAsync(stored.Scope, stored.RunId, NodeKey.Parse("d")))!.Value;
        Assert.Equal((NodeStatus.Succeeded, 1, "test.work"), (d.Status, d.Attempts, d.StageId));
        Assert.Equal(10, d.Parameters!["top_n"]!.GetValue<int>());
        LakeObject? manifest = await _host.Lake.TryReadAsync(LakePath.Parse("_meta/pipelines/demo/test/version=1.0.0/manifest.json"));
        Assert.Equal(Diamond, System.Text.Encoding.UTF8.GetString(manifest!.Content.Span));
        Assert.NotNull(await _host.Lake.GetInfoAsync(LakePath.Parse("_meta/demo/runs/run-42/stages/d/stage.json")));
    }

    [Fact]
    public async Task RunAsync_Ledger_RecordsStartNodesAndCompletionWithTraceIdAndValidChain()
    {
        RunRecord run = await _host.RunAsync(Diamond);

        IReadOnlyList<AuditEntry> ledger = await _host.ReadLedgerAsync("demo", "run-1");
        Assert.Equal("run.started", ledger[0].Kind);
        Assert.Equal("run.completed", ledger[^1].Kind);
        Assert.Equal(["a", "b", "c", "d"], ledger.Where(e => e.Kind == "node.succeeded").Select(e => e.Node!).Order(StringComparer.Ordinal));
        Assert.Equal(run.ManifestHash, ledger[0].Data["manifest_hash"]!.GetValue<string>());
        Assert.Equal((42, "2024-12-31T00:00:00.0000000+00:00"), (ledger[0].Data["seed"]!.GetValue<int>(), ledger[0].Data["as_of"]!.GetValue<string>()));
        Assert.All(ledger, e => Assert.Equal(ledger[0].TraceId, e.TraceId));
        Assert.Equal(10, ledger.First(e => e.Kind == "node.succeeded").Data["rows_read"]!.GetValue<long>());
        Assert.Equal(ledger.Count, run.AuditHead!.Count);
        AuditVerificationResult verified = await AuditLedgerVerifier.VerifyAsync(_host.Lake, LakePath.Parse("_meta/demo/runs/run-1/audit.jsonl"));
        Assert.True(verified.IsValid);
    }

    [Fact]
    public async Task RunAsync_TransientErrorThenSuccess_RetriesAndSucceeds()
    {
        _stage.FailWith("b", new IOException("share busy"), new TransientStageException("throttled"));
        long retries = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, _host.Telemetry.Meter) && instrument.Name == "qf.orchestration.node.retries")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref retries, value));
        listener.Start();

        RunRecord run = await _host.RunAsync(Diamond);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(3, run.Nodes.Single(n => n.Node.Value == "b").Attempts);
        Assert.Equal([1, 2, 3], _stage.Calls.Where(c => c.Key == "b").Select(c => c.Attempt));
        Assert.Equal(2, Interlocked.Read(ref retries));
    }

    [Fact]
    public async Task RunAsync_RetriedAttempts_SeeTheSameSeededRandom()
    {
        _stage.FailWith("b", new TimeoutException("slow source"));
        await _host.RunAsync(Diamond);

        int[] samples = [.. _stage.Calls.Where(c => c.Key == "b").Select(c => c.Sample)];
        Assert.Equal(2, samples.Length);
        Assert.Equal(samples[0], samples[1]);
        Assert.Equal(new Random(StageSeed.Derive(42, "b")).Next(), samples[0]);
    }

    [Fact]
    public async Task RunAsync_PermanentError_FailsAtOnceAndSkipsDependents()
    {
        _stage.FailWith("b", new InvalidOperationException("bad input: column close missing"));

        RunRecord run = await _host.RunAsync(Diamond);

        Assert.Equal(RunStatus.Failed, run.Status);
        NodeState b = run.Nodes.Single(n => n.Node.Value == "b");
        Assert.Equal((NodeStatus.Failed, 1, (string?)null), (b.Status, b.Attempts, b.Error!.Code));
        Assert.Equal("bad input: column close missing", b.Error.Message);
        NodeState d = run.Nodes.Single(n => n.Node.Value == "d");
        Assert.Equal(NodeStatus.Skipped, d.Status);
        Assert.Contains("'b' failed", d.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(NodeErrorCodes.DependencyFailed, d.Error.Code);
        Assert.Equal(0, _stage.CountOf("d"));
        Assert.Contains("node 'b' failed", run.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Failure_LedgerSaysWhy()
    {
        _stage.FailWith("b", new InvalidOperationException("boom"));
        await _host.RunAsync(Diamond);

        IReadOnlyList<AuditEntry> ledger = await _host.ReadLedgerAsync("demo", "run-1");
        AuditEntry failed = Assert.Single(ledger, e => e.Kind == "node.failed");
        Assert.Equal(("b", "boom"), (failed.Node, failed.Data["message"]!.GetValue<string>()));
        AuditEntry skipped = Assert.Single(ledger, e => e.Kind == "node.skipped");
        Assert.Equal(("d", "b"), (skipped.Node, skipped.Data["cause"]!.GetValue<string>()));
        AuditEntry end = ledger[^1];
        Assert.Equal("run.failed", end.Kind);
        Assert.Contains("node 'b' failed: boom", end.Data["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("d", Assert.Single(end.Data["skipped"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_TransientErrorsExhaustRetries_FailsAfterBoundedAttempts()
    {
        _stage.FailWith("a", new IOException("1"), new IOException("2"), new IOException("3"), new IOException("4"));

        RunRecord run = await _host.RunAsync(Diamond);

        NodeState a = run.Nodes.Single(n => n.Node.Value == "a");
        Assert.Equal((NodeStatus.Failed, 3, NodeErrorCodes.RetriesExhausted), (a.Status, a.Attempts, a.Error!.Code));
        Assert.Equal("3", a.Error.Message);
        Assert.All(run.Nodes.Where(n => n.Node.Value != "a"), n => Assert.Equal(NodeStatus.Skipped, n.Status));
    }

    [Fact]
    public async Task RunAsync_TransientErrors_RetriedAfterExponentialBackoffOnTheRunnersClock()
    {
        var time = new ObservableTimeProvider();
        var stage = new ScriptedStage().FailWith("a", new IOException("1"), new IOException("2"));
        using var host = new DagTestHost(
            TestRegistry.Create(stage), new RunnerOptions { MaxParallelism = 1, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromSeconds(1) }, timeProvider: time);
        Task<RunRecord> running = host.RunAsync(Diamond);

        // The first retry waits the base delay, the second twice that; nothing runs before the clock gets there.
        await stage.WaitForCallsAsync("a", 1);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(1, stage.CountOf("a"));
        time.Advance(TimeSpan.FromSeconds(1));
        await stage.WaitForCallsAsync("a", 2);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(2, stage.CountOf("a"));
        time.Advance(TimeSpan.FromSeconds(2));
        RunRecord run = await running;

        NodeState a = run.Nodes.Single(n => n.Node.Value == "a");
        Assert.Equal((NodeStatus.Succeeded, 3), (a.Status, a.Attempts));
        Assert.Equal(RunStatus.Succeeded, run.Status);
    }

    [Fact]
    public async Task RunAsync_NodeExceedsTimeout_FailsAsTimedOutWithoutRetry()
    {
        // One node at a time: when 'b' hangs, 'a' and maybe 'c' are done, so moving the clock past the timeout times out 'b' alone.
        var time = new ObservableTimeProvider();
        var stage = new ScriptedStage().Hang("b");
        var options = new RunnerOptions { MaxParallelism = 1, MaxRetries = 2, RetryBaseDelay = TimeSpan.Zero, NodeTimeout = TimeSpan.FromMinutes(30) };
        using var host = new DagTestHost(TestRegistry.Create(stage), options, timeProvider: time);
        Task<RunRecord> running = host.RunAsync(Diamond);
        await stage.WaitForCallsAsync("b", 1);

        time.Advance(options.NodeTimeout);
        RunRecord run = await running;

        NodeState b = run.Nodes.Single(n => n.Node.Value == "b");
        Assert.Equal((NodeStatus.Failed, 1, NodeErrorCodes.Timeout), (b.Status, b.Attempts, b.Error!.Code));
        Assert.Equal(RunStatus.Failed, run.Status);
    }

    [Fact]
    public async Task RunAsync_FanOut_NeverExceedsMaxParallelism()
    {
        var stage = new ScriptedStage { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        using DagTestHost host = HostWith(stage, new RunnerOptions { MaxParallelism = 2 });
        Task<RunRecord> running = host.RunAsync(Model(Node("fan", extra: "\"for_each\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]")));

        // Hold the first executions at the gate until the limit is reached, then let everything through.
        await stage.WaitForCallsAsync(2);
        Assert.Equal(2, stage.CurrentConcurrency);

        stage.Gate.SetResult();
        RunRecord run = await running;

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(6, stage.Calls.Count);
        Assert.Equal(2, stage.PeakConcurrency);
    }

    [Fact]
    public async Task RunAsync_FailFast_IndependentNodesAreSkipped()
    {
        var stage = new ScriptedStage().FailWith("a", new InvalidOperationException("x"));
        using DagTestHost host = HostWith(stage, new RunnerOptions { MaxParallelism = 1 });

        RunRecord run = await host.RunAsync(Model(Node("a") + "," + Node("b")));

        NodeState b = run.Nodes.Single(n => n.Node.Value == "b");
        Assert.Equal(NodeStatus.Skipped, b.Status);
        Assert.Equal(NodeErrorCodes.FailFast, b.Error!.Code);
    }

    [Fact]
    public async Task RunAsync_WithoutFailFast_IndependentNodesStillRun()
    {
        var stage = new ScriptedStage().FailWith("a", new InvalidOperationException("x"));
        using DagTestHost host = HostWith(stage, new RunnerOptions { MaxParallelism = 1, FailFast = false });

        RunRecord run = await host.RunAsync(Model(Node("a") + "," + Node("b")));

        Assert.Equal(NodeStatus.Succeeded, run.Nodes.Single(n => n.Node.Value == "b").Status);
        Assert.Equal(RunStatus.Failed, run.Status);
    }

    [Fact]
    public async Task ResumeAsync_AfterFailure_RunsOnlyWhatDidNotSucceed()
    {
        _stage.FailWith("b", new InvalidOperationException("fix me"));
        RunRecord failed = await _host.RunAsync(Diamond);
        Assert.Equal(RunStatus.Failed, failed.Status);
        _stage.Heal();

        RunRecord resumed = await _host.ResumeAsync("run-1");

        Assert.Equal(RunStatus.Succeeded, resumed.Status);
        Assert.Equal((1, 2, 1, 1), (_stage.CountOf("a"), _stage.CountOf("b"), _stage.CountOf("c"), _stage.CountOf("d")));
        Assert.Equal(2, resumed.Nodes.Single(n => n.Node.Value == "b").Attempts);
        IReadOnlyList<AuditEntry> ledger = await _host.ReadLedgerAsync("demo", "run-1");
        Assert.NotEqual(ledger[0].TraceId, ledger[^1].TraceId);
        Assert.Equal(["run.failed", "run.resumed", "run.completed"], ledger.Where(e => e.Kind.StartsWith("run.", StringComparison.Ordinal) && e.Kind != "run.started").Select(e => e.Kind));
        Assert.Equal(["a", "c"], ledger.Where(e => e.Kind == "node.reused").Select(e => e.Node!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SameRunIdUnchangedFingerprints_RedoesNothing()
    {
        _stage.Fingerprints["a"] = "fp-1";
        await _host.RunAsync(Diamond);

        RunRecord again = await _host.RunAsync(Diamond);

        Assert.Equal(RunStatus.Succeeded, again.Status);
        Assert.Equal(4, _stage.Calls.Count);
        string expected = Hashes.NodeInputFingerprint([ScriptedStage.FingerprintOf("fp-1")], Hashes.Sha256("""{"top_n":10,"direction":"long","lookback":20.5,"tags":[]}"""));
        Assert.Equal(expected, again.Nodes.Single(n => n.Node.Value == "a").InputFingerprint);
        Assert.Equal(Hashes.Sha256("fp-1"), again.Inputs.Single().Fingerprint.Files[0].ContentHash);
    }

    [Fact]
    public async Task RunAsync_SameRunIdChangedFingerprint_RedoesNodeAndDependentsOnly()
    {
        string graph = Model(Node("a") + "," + Node("b", "a") + "," + Node("c"));
        _stage.Fingerprints["a"] = "fp-1";
        _stage.Fingerprints["c"] = "fp-c";
        await _host.RunAsync(graph);
        _stage.Fingerprints["a"] = "fp-2";

        RunRecord again = await _host.RunAsync(graph);

        Assert.Equal((2, 2, 1), (_stage.CountOf("a"), _stage.CountOf("b"), _stage.CountOf("c")));
        Assert.Equal(Hashes.NodeInputFingerprint([ScriptedStage.FingerprintOf("fp-2")], Hashes.Sha256("""{"top_n":10,"direction":"long","lookback":20.5,"tags":[]}""")), again.Nodes.Single(n => n.Node.Value == "a").InputFingerprint);
        IReadOnlyList<AuditEntry> ledger = await _host.ReadLedgerAsync("demo", "run-1");
        Assert.Equal(["a", "b"], ledger.Where(e => e.Kind == "node.invalidated").Select(e => e.Node!));
        AuditEntry invalidated = ledger.First(e => e.Kind == "node.invalidated");
        Assert.Contains("input fingerprint changed", invalidated.Data["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(invalidated.Data["recorded"]!.GetValue<string>(), invalidated.Data["current"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_SameRunIdOtherInputs_IsRejected()
    {
        await _host.RunAsync(Diamond);
        var ex = await Assert.ThrowsAsync<RunStateException>(() => _host.RunAsync(Diamond, seed: 7));
        Assert.Equal(ErrorCodes.RunExists, ex.Code);
        Assert.Contains("'run-1'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidOverride_NothingRuns()
    {
        await Assert.ThrowsAsync<ManifestValidationException>(() => _host.RunAsync(Diamond, overrides: ["test.work:top_n=0"]));
        Assert.Empty(_stage.Calls);
        Assert.Null(await _host.Runner.Store.TryLoadAsync("demo", "run-1"));
    }

    [Fact]
    public async Task RunAsync_ForEach_StageSeesItemAndResolvedParameters()
    {
        await _host.RunAsync(
            Model(Node("alloc", extra: "\"for_each\": \"sleeves\", \"params\": {\"top_n\": 4}"), """{"sleeves": ["crypto_long", "crypto_short"]}"""),
            overrides: ["demo/test/test.work:direction=short"]);

        var calls = _stage.Calls.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        Assert.Equal([("alloc[crypto_long]", "crypto_long"), ("alloc[crypto_short]", "crypto_short")], calls.Select(c => (c.Key, c.Item!)));
        Assert.All(calls, c => Assert.Equal((4, "short"), (((FakeParameters)c.Parameters).TopN, ((FakeParameters)c.Parameters).Direction)));
        Assert.NotEqual(calls[0].Sample, calls[1].Sample);
        StageContext context = _stage.Contexts["alloc[crypto_short]"];
        Assert.Equal(("demo", "test", "1.0.0", DagTestHost.DefaultAsOf), (context.Scope.Value, context.PipelineId.Value, context.PipelineVersion.ToString(), context.AsOf));
        Assert.Equal(["crypto_long", "crypto_short"], context.PipelineParameters["sleeves"].EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task RunAsync_FanIn_StageSeesEveryUpstreamInstance()
    {
        await _host.RunAsync(Model(Node("alloc", extra: "\"for_each\": [\"x\", \"y\"]") + "," + Node("meta", "alloc")));
        Assert.Equal(["alloc[x]", "alloc[y]"], _stage.Contexts["meta"].Dependencies);
    }

    [Fact]
    public async Task RunNodeAsync_ReRunsOneNodeAndUpdatesRunRecord()
    {
        _stage.FailWith("b", new InvalidOperationException("x"));
        await _host.RunAsync(Diamond);
        _stage.Heal();

        StageRecord b = await _host.Runner.RunNodeAsync("run-1", "b");

        Assert.Equal((NodeStatus.Succeeded, 2), (b.Status, b.Attempts));
        RunRecord? run = await _host.Runner.Store.TryLoadAsync("demo", "run-1");
        Assert.Equal(NodeStatus.Succeeded, run!.Nodes.Single(n => n.Node.Value == "b").Status);
        Assert.Equal(["a", "b", "c", "d"], run.Nodes.Select(n => n.Node.Value));
        Assert.Equal((1, 2, 1, 0), (_stage.CountOf("a"), _stage.CountOf("b"), _stage.CountOf("c"), _stage.CountOf("d")));
        Assert.Equal(RunStatus.Succeeded, (await _host.ResumeAsync("run-1")).Status);
        Assert.Equal(1, _stage.CountOf("d"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _host.Runner.RunNodeAsync("run-1", "nope"));
    }

    [Fact]
    public async Task RunAsync_ModelPipelineWritingSilver_IsDeniedAndNotRetried()
    {
        _stage.Writes["a"] = LakePath.Parse("silver/demo/x.json");
        _stage.Writes["b"] = LakePath.Parse("gold/demo/test/version=1.0.0/x/run=run-1/part-0.json");

        RunRecord run = await _host.RunAsync(Model(Node("a") + "," + Node("b")));

        NodeState a = run.Nodes.Single(n => n.Node.Value == "a");
        Assert.Equal((NodeStatus.Failed, 1), (a.Status, a.Attempts));
        Assert.EndsWith(nameof(LakeAccessDeniedException), a.Error!.Type, StringComparison.Ordinal);
        Assert.Null(await _host.Lake.GetInfoAsync(LakePath.Parse("silver/demo/x.json")));
    }

    [Fact]
    public async Task RunAsync_DataPipeline_MayWriteSilver()
    {
        _stage.Writes["a"] = LakePath.Parse("silver/demo/x.json");
        RunRecord run = await _host.RunAsync(Model(Node("a", stage: "test.ingest"), kind: "data"));
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("silver/demo/x.json", Assert.Single(run.Outputs).Path.Value);
    }

    [Fact]
    public async Task RunAsync_Cancelled_RecordsCancelledRunAndNode()
    {
        var stage = new ScriptedStage().Hang("b");
        using DagTestHost host = HostWith(stage, new RunnerOptions { MaxParallelism = 1 });
        using var cts = new CancellationTokenSource();
        Task<RunRecord> running = host.RunAsync(Diamond, cancellationToken: cts.Token);
        await stage.WaitForCallsAsync("b", 1);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        RunRecord? run = await host.Runner.Store.TryLoadAsync("demo", "run-1");
        Assert.Equal(RunStatus.Cancelled, run!.Status);
        Assert.Equal(NodeStatus.Cancelled, run.Nodes.Single(n => n.Node.Value == "b").Status);
        IReadOnlyList<AuditEntry> ledger = await host.ReadLedgerAsync("demo", "run-1");
        Assert.Equal("run.cancelled", ledger[^1].Kind);
    }
}
