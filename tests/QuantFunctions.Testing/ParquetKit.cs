using System.Diagnostics;

namespace QuantFunctions.Testing;

/// <summary>
/// Runs the Parquet interoperability kit (DuckDB and hyparquet, Node.js) installed by
/// <c>scripts/install-test-tools.sh</c> into <c>.cache/parquet-kit</c>. When <c>../shared</c> is present
/// the kit must be installed: a missing kit is a failing test, never a silent skip.
/// </summary>
public static class ParquetKit
{
    /// <summary>The kit folder (QF_PARQUET_KIT, else .cache/parquet-kit in the repository).</summary>
    public static string Directory
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("QF_PARQUET_KIT");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            return System.IO.Path.Combine(RepositoryRoot.Find(), ".cache", "parquet-kit");
        }
    }

    /// <summary>Runs <c>node TOOL.mjs args…</c> from the kit and returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(string tool, params string[] args)
    {
        string script = System.IO.Path.Combine(Directory, tool);
        if (!File.Exists(script) || !System.IO.Directory.Exists(System.IO.Path.Combine(Directory, "node_modules")))
        {
            throw new InvalidOperationException($"Parquet kit not installed at {Directory}: run scripts/install-test-tools.sh (./test.sh does)");
        }

        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(script);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 3 minutes");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
