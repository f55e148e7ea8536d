using QuantFunctions.Testing;

namespace QuantFunctions.Host.Tests.Functions;

/// <summary>One Azurite per test assembly, for the queue-trigger contract tests.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
