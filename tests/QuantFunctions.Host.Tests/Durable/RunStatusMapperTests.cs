using QuantFunctions.Host.Durable;
using QuantFunctions.Host.Runs;
using QuantFunctions.Lake.Paths;
using QuantFunctions.Lake.Runs;

namespace QuantFunctions.Host.Tests.Durable;

public sealed class RunStatusMapperTests
{
    private static readonly DateTimeOffset Started = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RunStatus.Pending, "Pending", null)]
    [InlineData(RunStatus.Running, "Running", null)]
    [InlineData(RunStatus.Succeeded, "Completed", "outputs")]
    [InlineData(RunStatus.Failed, "Failed", "error,code")]
    [InlineData(RunStatus.Cancelled, "Terminated", "error,code")]
    public void Map_RecordWithoutInProcessState_FollowsRunJson(RunStatus status, string expected, string? outputKeys)
    {
        // A queued run: nothing of it lives in the Host process, run.json is the whole answer.
        RunStatusResponse mapped = RunStatusMapper.Map("meta-q", Record(status), active: null);

        Assert.Equal(expected, mapped.RuntimeStatus);
        Assert.Equal(outputKeys, mapped.Output is null ? null : string.Join(",", mapped.Output.AsObject().Select(p => p.Key)));
    }

    [Fact]
    public void Map_FailedRecordResumingInProcess_IsRunningWithoutTheOldError()
    {
        using var cancellation = new CancellationTokenSource();
        var resuming = new ActiveRun("meta", Started, cancellation); // Task not yet set: the execution is being set up

        RunStatusResponse mapped = RunStatusMapper.Map("meta-q", Record(RunStatus.Failed), resuming);

        Assert.Equal("Running", mapped.RuntimeStatus);
        Assert.Null(mapped.Output);
    }

    [Fact]
    public void Map_RunningRecordWhoseStartFailedHere_IsFailed()
    {
        var failed = new ActiveRun("meta", Started, null) { StartError = "PutMessage failed after 5 attempt(s)", Task = Task.CompletedTask };

        RunStatusResponse mapped = RunStatusMapper.Map("meta-q", Record(RunStatus.Running), failed);

        Assert.Equal("Failed", mapped.RuntimeStatus);
    }

    private static RunRecord Record(RunStatus status) => new()
    {
        RunId = RunId.Parse("meta-q"),
        Scope = LakeIdentifier.Parse("demo"),
        PipelineId = LakeIdentifier.Parse("meta"),
        PipelineVersion = SemVer.Parse("1.0.0"),
        Kind = PipelineKind.Model,
        Status = status,
        ParamsHash = "p",
        ManifestHash = "m",
        StartedAt = Started,
        Error = status is RunStatus.Failed or RunStatus.Cancelled ? new NodeError("run", "node 'alpha.select[crypto_long]' failed: no hand-off", "node_failed") : null,
    };
}
