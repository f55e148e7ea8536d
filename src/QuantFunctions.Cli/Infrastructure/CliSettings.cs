using QuantFunctions.Lake.Azure;
using QuantFunctions.Lake.Providers;
using QuantFunctions.Stages.Hosting;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>
/// Configuration of the <c>quant</c> command, read once from the environment at start-up and validated.
/// </summary>
/// <param name="LakeRoot">QF_LAKE_ROOT: the file-system lake root (default <c>./lake</c>).</param>
/// <param name="LakeKind">QF_LAKE: <c>file</c> (default) or <c>blob</c>.</param>
/// <param name="Storage">
/// The blob lake's storage connection (resolved only when QF_LAKE=blob): QF_STORAGE_CONNECTION, else AzureWebJobsStorage,
/// each a connection string or identity-based (<c>{name}__blobServiceUri</c> / <c>{name}__accountName</c>, optional
/// <c>{name}__credential=managedidentity</c>, <c>{name}__clientId</c>); see <see cref="StorageConnection"/>.
/// </param>
/// <param name="LakeContainer">QF_LAKE_CONTAINER: the blob container of the lake (default <c>lake</c>).</param>
/// <param name="MaxParallelism">QF_MAX_PARALLELISM: nodes run at once by the local runner (default: processor count).</param>
/// <param name="RepositoryRoot">QF_REPO_ROOT: where shipped manifests are found (default: current directory).</param>
/// <param name="GitSha">QF_GIT_SHA: recorded in run.json when set.</param>
/// <param name="OutboundHttp">QF_HTTP_*: the limits of outbound market data HTTP.</param>
public sealed record CliSettings(
    string LakeRoot,
    string LakeKind,
    StorageConnection? Storage,
    string LakeContainer,
    int MaxParallelism,
    string RepositoryRoot,
    string? GitSha,
    OutboundHttpOptions OutboundHttp)
{
    /// <summary>Reads and validates the settings from environment variables.</summary>
    /// <exception cref="UsageException">A variable has an invalid value.</exception>
    public static CliSettings FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string lakeKind = (read("QF_LAKE") ?? "file").Trim().ToLowerInvariant();
        if (lakeKind is not ("file" or "blob"))
        {
            throw new UsageException($"QF_LAKE must be 'file' or 'blob', not '{lakeKind}'.");
        }

        int parallelism = Environment.ProcessorCount;
        string? rawParallelism = read("QF_MAX_PARALLELISM");
        if (!string.IsNullOrWhiteSpace(rawParallelism)
            && (!int.TryParse(rawParallelism, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out parallelism) || parallelism < 1 || parallelism > 256))
        {
            throw new UsageException($"QF_MAX_PARALLELISM must be an integer from 1 to 256, not '{rawParallelism}'.");
        }

        LakeSettings lake;
        try
        {
            lake = LakeSettings.FromSettings(read, Path.Combine(Directory.GetCurrentDirectory(), "lake"));
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"QF_LAKE=blob needs a valid storage connection. {ex.Message}", ex);
        }

        OutboundHttpOptions http;
        try
        {
            http = OutboundHttpOptions.FromSettings(read);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        string repoRoot = read("QF_REPO_ROOT") is { Length: > 0 } r ? r : Directory.GetCurrentDirectory();
        return new CliSettings(lake.Root, lake.Kind, lake.Storage, lake.Container, parallelism, Path.GetFullPath(repoRoot), read("QF_GIT_SHA"), http);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"CliSettings {{ LakeKind = {LakeKind}, LakeRoot = {LakeRoot}, LakeContainer = {LakeContainer}, MaxParallelism = {MaxParallelism}, RepositoryRoot = {RepositoryRoot} }}";
}
