using QuantFunctions.Core.Errors;
using QuantFunctions.Lake.Storage;

namespace QuantFunctions.Orchestration.Runs;

/// <summary>A run.json or stage.json does not parse or fails validation.</summary>
public sealed class RunRecordFormatException : LakeException
{
    /// <summary>Creates the error for <paramref name="path"/>.</summary>
    public RunRecordFormatException(string message, LakePath path, Exception? inner = null) : base(message, path, inner) { }

    /// <summary>Creates the error.</summary>
    public RunRecordFormatException() { }

    /// <summary>Creates the error.</summary>
    public RunRecordFormatException(string message) : base(message) { }

    /// <summary>Creates the error.</summary>
    public RunRecordFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Always <see cref="ErrorCodes.RunRecordInvalid"/>.</summary>
    public override ErrorCode Code => ErrorCodes.RunRecordInvalid;
}
