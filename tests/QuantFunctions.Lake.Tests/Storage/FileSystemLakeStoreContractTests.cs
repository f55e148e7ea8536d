using QuantFunctions.Lake.Storage;
using QuantFunctions.Testing;

namespace QuantFunctions.Lake.Tests.Storage;

public sealed class FileSystemLakeStoreContractTests : LakeStoreContractTests, IDisposable
{
    private readonly TempDirectory _folder = new("qf-lake");

    protected override Task<ILakeStore> CreateStoreAsync() => Task.FromResult<ILakeStore>(new FileSystemLakeStore(_folder.Path));

    public void Dispose() => _folder.Dispose();
}
