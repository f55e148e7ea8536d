using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Lake.Paths;

/// <summary>A path does not follow the lake grammar (see <see cref="LakePathResolver.Parse"/>).</summary>
public sealed class LakePathFormatException : LakeException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public LakePathFormatException(string message, LakePath path, Exception? inner = null) : base(message, path, inner) { }

    /// <summary>Creates the error.</summary>
    public LakePathFormatException() { }

    /// <summary>Creates the error.</summary>
    public LakePathFormatException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public LakePathFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Always <see cref="ErrorCodes.InvalidLakePath"/>.</summary>
    public override ErrorCode Code => ErrorCodes.InvalidLakePath;
}
