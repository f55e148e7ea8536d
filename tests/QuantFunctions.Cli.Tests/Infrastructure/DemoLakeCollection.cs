namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>The test classes that share one demo lake (<see cref="DemoLake"/>).</summary>
[CollectionDefinition(Name)]
public sealed class DemoLakeCollection : ICollectionFixture<DemoLake>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "demo lake";
}
