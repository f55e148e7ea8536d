using System.Diagnostics;
using QuantFunctions.Testing;

namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>Runs the built <c>quant.dll</c> (copied next to the tests) as a separate process, as a user's shell does: standard output and error redirected.</summary>
public static class QuantProcess
{
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs the built <c>quant.dll</c> with a clean OTEL_*, QF_*, NO_COLOR and TERM environment plus <paramref name="variables"/>; bounded by <see cref="DemoTimeout"/>.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string lakeRoot, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        string host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "quant.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        UseCleanEnvironment(start, lakeRoot);
        start.Environment["QF_MAX_PARALLELISM"] = "2";
        foreach ((string key, string value) in variables)
        {
            start.Environment[key] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(DemoTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"quant {string.Join(' ', args)} did not finish in {DemoTimeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// Removes the OTEL_*, QF_*, NO_COLOR, TERM and COLORTERM variables <paramref name="start"/> inherited (a process outside
    /// any terminal or deployment) and points it at <paramref name="lakeRoot"/> and this repository.
    /// </summary>
    public static void UseCleanEnvironment(ProcessStartInfo start, string lakeRoot)
    {
        ArgumentNullException.ThrowIfNull(start);
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("QF_", StringComparison.Ordinal) || k is "NO_COLOR" or "TERM" or "COLORTERM").ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["QF_LAKE_ROOT"] = lakeRoot;
        start.Environment["QF_REPO_ROOT"] = RepositoryRoot.Find();
    }
}
