using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Azurite;

/// <summary>One Azurite per test assembly, shared by the blob-lake and Durable tests.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
