using QuantFunctions.Hosting.Settings;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>
/// Configuration of the <c>quant</c> command, read once from the environment at start-up and validated: the settings
/// shared with the Functions app (bound by <see cref="HostSettingsBinder"/>, the same names and rules) and the CLI's own.
/// </summary>
/// <param name="Host">
/// The shared settings: the lake (QF_LAKE, QF_LAKE_ROOT default <c>./lake</c>, QF_LAKE_CONTAINER, and for a blob lake
/// QF_STORAGE_CONNECTION, else AzureWebJobsStorage), QF_MAX_PARALLELISM, QF_GIT_SHA, QF_HTTP_* and OTLP export.
/// </param>
/// <param name="RepositoryRoot">QF_REPO_ROOT: where shipped manifests are found (default: current directory).</param>
public sealed record CliSettings(HostSettings Host, string RepositoryRoot)
{
    /// <summary>Where the lake lives.</summary>
    public LakeSettings Lake => Host.Lake;

    /// <summary>QF_MAX_PARALLELISM: nodes run at once by the local runner (default: processor count).</summary>
    public int MaxParallelism => Host.MaxParallelism;

    /// <summary>QF_GIT_SHA: recorded in run.json when set.</summary>
    public string? GitSha => Host.GitSha;

    /// <summary>QF_HTTP_*: the limits of outbound market data HTTP.</summary>
    public OutboundHttpOptions OutboundHttp => Host.OutboundHttp;

    /// <summary>Reads and validates the settings from environment variables.</summary>
    /// <param name="read">Reads an environment variable; null when unset.</param>
    /// <exception cref="UsageException">A variable has an invalid value (exit 2); the message names it.</exception>
    public static CliSettings FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var source = new SettingsSource(read);
        try
        {
            string currentDirectory = Directory.GetCurrentDirectory();
            return new CliSettings(
                HostSettingsBinder.Bind(source, Path.Combine(currentDirectory, "lake")),
                source.GetPath(SettingNames.RepositoryRoot, currentDirectory));
        }
        catch (InvalidSettingException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"CliSettings {{ LakeKind = {Lake.Kind}, LakeRoot = {Lake.Root}, LakeContainer = {Lake.Container}, MaxParallelism = {MaxParallelism}, RepositoryRoot = {RepositoryRoot} }}";
}
