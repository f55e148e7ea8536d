using QuantFunctions.Testing.Lake;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Tests.Storage;

public sealed class InMemoryLakeStoreContractTests : LakeStoreContractTests
{
    protected override Task<ILakeStore> CreateStoreAsync() => Task.FromResult<ILakeStore>(new InMemoryLakeStore());
}
