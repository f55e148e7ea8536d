using System.Diagnostics;
using System.Text;
using QuantFunctions.Testing;

namespace QuantFunctions.Orchestration.Tests.Queue;

/// <summary>Starts <c>dotnet quant.dll …</c> processes against a harness's blob lake and queue; kills what it started, by PID.</summary>
internal sealed class WorkerProcesses(QueueHarness harness, string connectionString) : IDisposable
{
    private readonly List<Process> _processes = [];
    private readonly List<StringBuilder> _outputs = [];

    /// <summary>The CLI next to this test build (same configuration).</summary>
    public static string QuantDll()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string path = Path.Combine(RepositoryRoot.Find(), "src", "QuantFunctions.Cli", "bin", configuration, "net10.0", "quant.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The CLI is not built at {path}; build src/QuantFunctions.Cli first.", path);
    }

    public IReadOnlyList<Process> Processes => _processes;

    /// <summary>Starts <c>dotnet quant.dll {arguments}</c> with the blob lake settings.</summary>
    public Process Start(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(QuantDll());
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["QF_LAKE"] = "blob";
        info.Environment["QF_STORAGE_CONNECTION"] = connectionString;
        info.Environment["QF_LAKE_CONTAINER"] = harness.Container.Name;
        info.Environment["QF_REPO_ROOT"] = RepositoryRoot.Find();
        info.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _processes.Add(process);
        _outputs.Add(output);
        return process;
    }

    /// <summary>Runs a CLI command to completion; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        Process process = Start(arguments);
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, Output(process));
    }

    public string Output(Process process)
    {
        StringBuilder output = _outputs[_processes.IndexOf(process)];
        lock (output)
        {
            return output.ToString();
        }
    }

    public void Dispose()
    {
        foreach (Process process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
