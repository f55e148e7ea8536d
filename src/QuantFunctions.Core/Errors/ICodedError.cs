namespace QuantFunctions.Core.Errors;

/// <summary>An exception that carries a stable <see cref="ErrorCode"/>; every domain exception of the platform implements it.</summary>
public interface ICodedError
{
    /// <summary>The registry code of the failure (<see cref="ErrorCodes"/>).</summary>
    ErrorCode Code { get; }
}
