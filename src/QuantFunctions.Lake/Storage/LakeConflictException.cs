using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Storage;

/// <summary>A create-only write found an existing object, or a conditional write found another ETag.</summary>
public sealed class LakeConflictException : LakeException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public LakeConflictException(string message, LakePath path) : base(message, path) { }

    /// <summary>Creates the error.</summary>
    public LakeConflictException() { }

    /// <summary>Creates the error.</summary>
    public LakeConflictException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public LakeConflictException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Always <see cref="ErrorCodes.LakeConflict"/>.</summary>
    public override ErrorCode Code => ErrorCodes.LakeConflict;
}
