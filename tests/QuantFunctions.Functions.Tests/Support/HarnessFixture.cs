namespace QuantFunctions.Functions.Tests.Support;

/// <summary>One harness (engine idle) shared by the tests of a class that start no run or only refused ones.</summary>
public sealed class HarnessFixture : IAsyncLifetime
{
    internal FunctionsHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await FunctionsHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
