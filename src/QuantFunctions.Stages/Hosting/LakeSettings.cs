namespace QuantFunctions.Stages.Hosting;

/// <summary>Where the lake lives: a folder (embedded default) or a Blob Storage container.</summary>
/// <param name="Kind"><c>file</c> or <c>blob</c>.</param>
/// <param name="Root">The folder of a file lake.</param>
/// <param name="Connection">Storage connection string of a blob lake (never logged).</param>
/// <param name="Container">The blob container of a blob lake.</param>
public sealed record LakeSettings(string Kind, string Root, string? Connection, string Container)
{
    /// <inheritdoc/>
    public override string ToString() => Kind == "blob" ? $"blob container '{Container}'" : $"folder '{Root}'";
}
