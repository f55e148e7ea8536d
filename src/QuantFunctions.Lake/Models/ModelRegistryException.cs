using QuantFunctions.Core.Errors;

namespace QuantFunctions.Lake.Models;

/// <summary>A model registry lookup failed: the model or version is missing, its feature schema differs, or the registry is broken.</summary>
public sealed class ModelRegistryException : Exception, ICodedError
{
    /// <summary>Creates the error.</summary>
    /// <param name="code"><see cref="ErrorCodes.ModelNotFound"/>, <see cref="ErrorCodes.ModelSchemaMismatch"/> or <see cref="ErrorCodes.ModelRegistryInvalid"/>.</param>
    /// <param name="message">What failed, naming the model and version.</param>
    public ModelRegistryException(ErrorCode code, string message) : base(message) => Code = code;

    /// <summary>Creates the error.</summary>
    public ModelRegistryException() : this(ErrorCodes.ModelRegistryInvalid, "model registry error") { }

    /// <summary>Creates the error.</summary>
    public ModelRegistryException(string message) : this(ErrorCodes.ModelRegistryInvalid, message) { }

    /// <summary>Creates the error.</summary>
    public ModelRegistryException(string message, Exception inner) : base(message, inner) => Code = ErrorCodes.ModelRegistryInvalid;

    /// <inheritdoc/>
    public ErrorCode Code { get; }
}
