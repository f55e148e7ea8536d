using System.ComponentModel.DataAnnotations;
using QuantFunctions.Orchestration.Execution;
using QuantFunctions.Orchestration.Stages;

namespace QuantFunctions.Orchestration.Tests.Execution;

public sealed class RunnerOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass() => new RunnerOptions().Validate();

    [Theory]
    [InlineData(0, 3, 1000)]
    [InlineData(4, -1, 1000)]
    [InlineData(4, 3, 1)]
    public void Validate_OutOfRange_Throws(int parallelism, int retries, int timeoutMs) =>
        Assert.Throws<ValidationException>(() => new RunnerOptions { MaxParallelism = parallelism, MaxRetries = retries, NodeTimeout = TimeSpan.FromMilliseconds(timeoutMs) }.Validate());

    public static TheoryData<Exception, bool> Errors => new()
    {
        { new TransientStageException("throttled"), true },
        { new IOException("share busy"), true },
        { new TimeoutException(), true },
        { new HttpRequestException("503"), true },
        { new FileNotFoundException("missing input"), false },
        { new InvalidOperationException(), false },
        { new ArgumentException("bad"), false },
        { new ValidationException("bad"), false },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void IsTransient_ClassifiesErrors(Exception error, bool transient) => Assert.Equal(transient, TransientErrors.IsTransient(error));
}
