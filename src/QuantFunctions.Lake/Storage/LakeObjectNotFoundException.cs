using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Storage;

/// <summary>The object does not exist.</summary>
public sealed class LakeObjectNotFoundException : LakeException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public LakeObjectNotFoundException(LakePath path) : base($"Lake object not found: {path}", path) { }

    /// <summary>Creates the error.</summary>
    public LakeObjectNotFoundException() { }

    /// <summary>Creates the error.</summary>
    public LakeObjectNotFoundException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public LakeObjectNotFoundException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Always <see cref="ErrorCodes.LakeNotFound"/>.</summary>
    public override ErrorCode Code => ErrorCodes.LakeNotFound;
}
