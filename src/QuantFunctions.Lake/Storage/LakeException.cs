using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Storage;

/// <summary>Base of the lake store's errors; names the path involved.</summary>
public class LakeException : Exception, ICodedError
{
    /// <summary>Creates the error.</summary>
    public LakeException(string message, LakePath path, Exception? inner = null) : base(message, inner) => Path = path;

    /// <summary>Creates the error without a path.</summary>
    public LakeException() : base("Lake error.") { }

    /// <summary>Creates the error without a path.</summary>
    public LakeException(string message) : base(message) { }

    /// <summary>Creates the error without a path.</summary>
    public LakeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The path the operation was about.</summary>
    public LakePath Path { get; }

    /// <summary>The error code; <see cref="ErrorCodes.LakeUnavailable"/> unless a derived error says more.</summary>
    public virtual ErrorCode Code => ErrorCodes.LakeUnavailable;
}
