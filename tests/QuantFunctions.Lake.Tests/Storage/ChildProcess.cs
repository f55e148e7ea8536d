using System.Diagnostics;

namespace QuantFunctions.Lake.Tests.Storage;

/// <summary>Starts this test assembly as a child process running a <see cref="StartupHook"/> mode.</summary>
internal static class ChildProcess
{
    public static Process Start(string mode, string root, string path, string signal, string id = "0")
    {
        string assembly = typeof(StartupHook).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        start.Environment["DOTNET_STARTUP_HOOKS"] = assembly;
        start.Environment[StartupHook.ModeVariable] = mode;
        start.Environment[StartupHook.RootVariable] = root;
        start.Environment[StartupHook.PathVariable] = path;
        start.Environment[StartupHook.SignalVariable] = signal;
        start.Environment[StartupHook.IdVariable] = id;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the child process");
    }

    /// <summary>Waits for exit and returns the exit code; includes stderr in the failure when it is unexpected.</summary>
    public static async Task<int> WaitAsync(Process process, CancellationToken cancellationToken)
    {
        Task<string> stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        string errors = await stderr;
        Assert.True(process.ExitCode is 0 or 3, $"child exited with {process.ExitCode}: {errors}");
        return process.ExitCode;
    }

    /// <summary>
    /// Waits until <paramref name="process"/> has written <paramref name="file"/> (a condition another process makes
    /// true, so it is checked every few milliseconds); fails when the child exits first, and stops at the token's deadline.
    /// </summary>
    public static async Task WaitForFileAsync(Process process, string file, CancellationToken cancellationToken)
    {
        while (!File.Exists(file))
        {
            if (process.HasExited)
            {
                Assert.Fail($"child exited early ({process.ExitCode}) before writing {file}: {await process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            await Task.Delay(10, cancellationToken);
        }
    }
}
