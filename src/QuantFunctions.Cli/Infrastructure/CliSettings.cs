namespace QuantFunctions.Cli.Infrastructure;

/// <summary>
/// Configuration of the <c>quant</c> command, read once from the environment at start-up and validated.
/// </summary>
/// <param name="LakeRoot">QF_LAKE_ROOT: the file-system lake root (default <c>./lake</c>).</param>
/// <param name="LakeKind">QF_LAKE: <c>file</c> (default) or <c>blob</c>.</param>
/// <param name="StorageConnection">QF_STORAGE_CONNECTION, else AzureWebJobsStorage (blob lake and queues).</param>
/// <param name="LakeContainer">QF_LAKE_CONTAINER: the blob container of the lake (default <c>lake</c>).</param>
/// <param name="MaxParallelism">QF_MAX_PARALLELISM: nodes run at once by the local runner (default: processor count).</param>
/// <param name="RepositoryRoot">QF_REPO_ROOT: where shipped manifests are found (default: current directory).</param>
/// <param name="GitSha">QF_GIT_SHA: recorded in run.json when set.</param>
public sealed record CliSettings(
    string LakeRoot,
    string LakeKind,
    string? StorageConnection,
    string LakeContainer,
    int MaxParallelism,
    string RepositoryRoot,
    string? GitSha)
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

        string? connection = read("QF_STORAGE_CONNECTION");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = read("AzureWebJobsStorage");
        }

        if (lakeKind == "blob" && string.IsNullOrWhiteSpace(connection))
        {
            throw new UsageException("QF_LAKE=blob needs QF_STORAGE_CONNECTION (or AzureWebJobsStorage), e.g. UseDevelopmentStorage=true.");
        }

        string repoRoot = read("QF_REPO_ROOT") is { Length: > 0 } r ? r : Directory.GetCurrentDirectory();
        string lakeRoot = read("QF_LAKE_ROOT") is { Length: > 0 } l ? l : Path.Combine(Directory.GetCurrentDirectory(), "lake");
        string container = read("QF_LAKE_CONTAINER") is { Length: > 0 } c ? c : "lake";
        return new CliSettings(Path.GetFullPath(lakeRoot), lakeKind, connection, container, parallelism, Path.GetFullPath(repoRoot), read("QF_GIT_SHA"));
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"CliSettings {{ LakeKind = {LakeKind}, LakeRoot = {LakeRoot}, LakeContainer = {LakeContainer}, MaxParallelism = {MaxParallelism}, RepositoryRoot = {RepositoryRoot} }}";
}
