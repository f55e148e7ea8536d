namespace QuantFunctions.Lake.Storage;

/// <summary>How a write treats an existing object.</summary>
public enum LakeWriteMode
{
    /// <summary>Replace any existing object atomically.</summary>
    Overwrite = 0,

    /// <summary>Fail with <see cref="LakeConflictException"/> when the object exists (If-None-Match: *).</summary>
    CreateOnly = 1,
}
