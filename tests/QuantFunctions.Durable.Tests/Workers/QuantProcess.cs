using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuantFunctions.Testing;

namespace QuantFunctions.Durable.Tests.Workers;

/// <summary>
/// A <c>dotnet quant.dll …</c> child process (the CLI built next to these tests) with its output captured. Disposing kills
/// its process tree (by PID) if it still runs.
/// </summary>
internal sealed class QuantProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private QuantProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>The CLI's entry assembly, built with the same configuration as these tests.</summary>
    public static string QuantDll()
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string dll = Path.Combine(RepositoryRoot.Find(), "src", "QuantFunctions.Cli", "bin", configuration, "net10.0", "quant.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"quant.dll not found at {dll}: build src/QuantFunctions.Cli ({configuration}).", dll);
    }

    public static QuantProcess Start(string name, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot.Find(),
        };
        info.ArgumentList.Add(QuantDll());
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (string inherited in new[] { "AzureWebJobsStorage", "QF_LAKE_ROOT", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            info.Environment.Remove(inherited);
        }

        foreach ((string key, string value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet quant.dll");
        var quant = new QuantProcess(process, name);
        process.OutputDataReceived += (_, e) => quant.Append(quant._output, e.Data);
        process.ErrorDataReceived += (_, e) => quant.Append(quant._error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return quant;
    }

    /// <summary>Waits for the exit and returns the exit code; a process still running after <paramref name="timeout"/> is killed and the test fails.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"{Name} did not exit within {timeout.TotalSeconds} s.\n{Describe()}");
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>SIGTERM (as a service manager stops a worker), then waits for the exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using Process signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits until standard error matches <paramref name="condition"/>; false when the process exits or the time is up first.</summary>
    public async Task<bool> WaitForErrorAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (condition(Error))
            {
                return true;
            }

            if (_process.HasExited)
            {
                return condition(Error);
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>Kills the whole process tree at once (a worker dying: no clean shutdown, leases and messages left held).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    public string Describe() => $"--- {Name} stdout:\n{Output}\n--- {Name} stderr:\n{Error}";

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            if (buffer.Length < 400_000)
            {
                buffer.AppendLine(line);
            }
        }
    }
}
