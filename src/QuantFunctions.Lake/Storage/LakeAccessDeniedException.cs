using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Storage;

/// <summary>
/// Access refused: a write outside what the store view allows (e.g. a model pipeline writing silver/), or the storage
/// service refused the credentials (HTTP 403 from Blob Storage).
/// </summary>
public sealed class LakeAccessDeniedException : LakeException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public LakeAccessDeniedException(string message, LakePath path) : base(message, path) { }

    /// <summary>Creates the error.</summary>
    public LakeAccessDeniedException() { }

    /// <summary>Creates the error.</summary>
    public LakeAccessDeniedException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public LakeAccessDeniedException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Always <see cref="ErrorCodes.LakeAccessDenied"/>.</summary>
    public override ErrorCode Code => ErrorCodes.LakeAccessDenied;
}
