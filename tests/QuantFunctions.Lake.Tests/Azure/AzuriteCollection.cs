using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Azure;

/// <summary>One Azurite per test assembly, shared by every class in the collection.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
