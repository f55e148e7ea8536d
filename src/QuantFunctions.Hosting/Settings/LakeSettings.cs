using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Hosting.Settings;

/// <summary>Where the lake lives: a folder (embedded default) or a Blob Storage container.</summary>
/// <param name="Kind"><see cref="FileKind"/> or <see cref="BlobKind"/> (<c>QF_LAKE</c>).</param>
/// <param name="Root">The folder of a file lake, absolute (<c>QF_LAKE_ROOT</c>).</param>
/// <param name="Storage">The storage connection of a blob lake (<c>QF_STORAGE_CONNECTION</c>, else <c>AzureWebJobsStorage</c>; its connection string, if any, is never shown).</param>
/// <param name="Container">The blob container of a blob lake (<c>QF_LAKE_CONTAINER</c>).</param>
public sealed record LakeSettings(string Kind, string Root, StorageConnection? Storage, string Container)
{
    /// <summary>The kind of a lake in a local folder.</summary>
    public const string FileKind = "file";

    /// <summary>The kind of a lake in a Blob Storage container.</summary>
    public const string BlobKind = "blob";

    /// <summary>The default blob container.</summary>
    public const string DefaultContainer = "lake";

    /// <inheritdoc/>
    public override string ToString() => Kind == BlobKind ? $"blob container '{Container}'" : $"folder '{Root}'";
}
