using QuantFunctions.Functions.Tests.Support;

namespace QuantFunctions.Functions.Tests.Api;

/// <summary>One demo DataOps run started over the HTTP API and polled to its end (7 activities on the in-process engine).</summary>
public sealed class DataOpsRunFixture : IAsyncLifetime
{
    public const string RunId = "dataops-20240103t000000000z-s42";

    internal FunctionsHarness Harness { get; private set; } = null!;

    internal ApiResponse Start { get; private set; } = null!;

    internal ApiResponse FirstStatus { get; private set; } = null!;

    internal ApiResponse FinalStatus { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await FunctionsHarness.StartAsync();
        Start = await Harness.StartAsync("dataops", """{ "as_of": "2024-01-03T00:00:00Z" }""");
        FirstStatus = await Harness.StatusAsync(RunId);
        FinalStatus = await Harness.WaitFinishedAsync(RunId);
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
