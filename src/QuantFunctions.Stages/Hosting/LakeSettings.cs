using Azure.Core;
using QuantFunctions.Lake.Azure;

namespace QuantFunctions.Stages.Hosting;

/// <summary>Where the lake lives: a folder (embedded default) or a Blob Storage container.</summary>
/// <param name="Kind"><c>file</c> or <c>blob</c>.</param>
/// <param name="Root">The folder of a file lake.</param>
/// <param name="Storage">The storage connection of a blob lake (its connection string, if any, is never shown).</param>
/// <param name="Container">The blob container of a blob lake.</param>
public sealed record LakeSettings(string Kind, string Root, StorageConnection? Storage, string Container)
{
    /// <summary>The default blob container.</summary>
    public const string DefaultContainer = "lake";

    /// <summary>
    /// Reads the lake settings: <c>QF_LAKE</c> (<c>file</c>, the default, or <c>blob</c>), <c>QF_LAKE_ROOT</c>
    /// (default <paramref name="defaultRoot"/>), <c>QF_LAKE_CONTAINER</c> (default <c>lake</c>) and, for a blob lake,
    /// the connection <c>QF_STORAGE_CONNECTION</c>, else <c>AzureWebJobsStorage</c> (any form of
    /// <see cref="StorageConnection.ResolveLake"/>: connection string or identity-based).
    /// </summary>
    /// <param name="settings">Looks a setting up by name (environment, app settings); null when not set.</param>
    /// <param name="defaultRoot">The file lake's folder when <c>QF_LAKE_ROOT</c> is not set.</param>
    /// <param name="credential">Used instead of the credential the settings select (identity-based forms only).</param>
    /// <exception cref="ArgumentException"><c>QF_LAKE</c> is neither <c>file</c> nor <c>blob</c>, or a blob lake has no (valid) connection; the message names the settings.</exception>
    public static LakeSettings FromSettings(Func<string, string?> settings, string defaultRoot, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRoot);
        string kind = (settings("QF_LAKE") ?? "file").Trim().ToLowerInvariant();
        if (kind is not ("file" or "blob"))
        {
            throw new ArgumentException($"QF_LAKE must be 'file' or 'blob', not '{kind}'.");
        }

        string root = settings("QF_LAKE_ROOT") is { Length: > 0 } r ? r : defaultRoot;
        string container = settings("QF_LAKE_CONTAINER") is { Length: > 0 } c ? c.Trim() : DefaultContainer;
        StorageConnection? storage = kind == "blob" ? StorageConnection.ResolveLake(settings, credential) : null;
        return new LakeSettings(kind, Path.GetFullPath(root), storage, container);
    }

    /// <inheritdoc/>
    public override string ToString() => Kind == "blob" ? $"blob container '{Container}'" : $"folder '{Root}'";
}
