namespace QuantFunctions.Orchestration.Manifests;

/// <summary>One validation error: which manifest, which node (if any), what is wrong.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Source">The manifest file (or the name of the override source).</param>
/// <param name="Node">The node id, or null for pipeline-level errors.</param>
/// <param name="Message">What is wrong, naming the property or parameter.</param>
public sealed record ManifestError(ManifestErrorCode Code, string Source, string? Node, string Message)
{
    /// <summary>Formats as <c>{source}: node '{node}': {message}</c>.</summary>
    public override string ToString() =>
        Node is null ? $"{Source}: {Message}" : $"{Source}: node '{Node}': {Message}";
}
