using System.Diagnostics;
using System.Runtime.InteropServices;
using QuantFunctions.Core.Errors;

namespace QuantFunctions.Cli.FrontDoor;

/// <summary>
/// The framework-dependent host, <c>host/quant</c> in the front door's folder (src/QuantFunctions.Cli): it serves every
/// command the front door does not. On Unix the front door becomes the host (execv): same process id, arguments, environment, standard streams and
/// signals, so Ctrl+C, SIGTERM and the exit code need no forwarding. On Windows the host runs as a child process with
/// the inherited console and its exit code is returned.
/// </summary>
internal static partial class HostExecutable
{
    /// <summary>The host's folder, under the front door's, and its file name without extension.</summary>
    private const string Folder = "host", Name = "quant";

    /// <summary>Runs <paramref name="args"/> in the host; returns only on Windows or when the host cannot start.</summary>
    public static int Run(string[] args)
    {
        string path = Path.Combine(AppContext.BaseDirectory, Folder, OperatingSystem.IsWindows() ? Name + ".exe" : Name);
        if (!File.Exists(path))
        {
            return Fail($"the host executable {path} is missing; rebuild with ./quant or publish src/QuantFunctions.Cli into the host folder next to the front door");
        }

        if (OperatingSystem.IsWindows())
        {
            return RunChild(path, args);
        }

        Exec(path, args);
        return Fail($"could not start {path}: {Marshal.GetLastPInvokeErrorMessage()}");
    }

    private static int RunChild(string path, string[] args)
    {
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Ctrl+C reaches every process on the console: the host handles it; the front door waits for the host's exit code.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using Process host = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        host.WaitForExit();
        return host.ExitCode;
    }

    /// <summary>Replaces this process by <paramref name="path"/> with <paramref name="args"/>; returns only on failure.</summary>
    private static void Exec(string path, string[] args)
    {
        var argv = new nint[args.Length + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (int i = 0; i < args.Length; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            _ = ExecV(path, argv);
        }
        finally
        {
            foreach (nint arg in argv)
            {
                Marshal.FreeCoTaskMem(arg);
            }
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"quant: {ErrorCodes.HostUnavailable}: {message}");
        return ErrorCodes.HostUnavailable.ExitCode;
    }

    [LibraryImport("libc", EntryPoint = "execv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int ExecV(string path, nint[] argv);
}
