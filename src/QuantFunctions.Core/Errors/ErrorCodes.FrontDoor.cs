namespace QuantFunctions.Core.Errors;

/// <content>The <c>quant</c> front door: the native executable that hands most commands to the host.</content>
public static partial class ErrorCodes
{
    /// <summary>The host executable (<c>host/quant</c>) is not in the front door's folder, or the operating system refused to start it.</summary>
    public static readonly ErrorCode HostUnavailable = new("cli.host_unavailable", ErrorCategory.Internal);
}
