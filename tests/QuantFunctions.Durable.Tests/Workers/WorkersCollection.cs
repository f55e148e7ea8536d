using QuantFunctions.Testing;

namespace QuantFunctions.Durable.Tests.Workers;

/// <summary>The worker tests: one Azurite (blob, queue, table) for the collection; each test has its own container and task hub.</summary>
[CollectionDefinition(Name)]
public sealed class WorkersCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "DurableWorkers";
}
