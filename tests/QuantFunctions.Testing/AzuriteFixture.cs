using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace QuantFunctions.Testing;

/// <summary>
/// A real Azurite (Blob + Queue, data in a temporary folder) on 127.0.0.1 at free ports for the tests of one assembly.
/// Use it as a collection fixture: declare in the test assembly
/// <c>[CollectionDefinition(AzuriteFixture.Collection)] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt;;</c>
/// and mark test classes <c>[Collection(AzuriteFixture.Collection)]</c>. Azurite is found at $QF_AZURITE_BIN or
/// &lt;repo&gt;/.cache/azurite/node_modules/.bin/azurite (installed by ./test.sh); a missing install fails clearly.
/// Disposing kills the process tree by PID. <see cref="StopAsync"/> and <see cref="RestartAsync"/> take storage
/// down and bring it back on the same ports with its data (for fault tests: "storage unreachable, then back").
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    /// <summary>The collection name test classes join.</summary>
    public const string Collection = "Azurite";

    /// <summary>The well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development key (public, from the Azurite README).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private readonly string? _executable;
    private Process? _process;
    private TempDirectory? _workspace;
    private int _names;
    private int _tablePort;

    /// <summary>Creates the fixture for the configured Azurite (<see cref="ExecutablePath"/>).</summary>
    public AzuriteFixture()
    {
    }

    private AzuriteFixture(string executable) => _executable = executable;

    /// <summary>A fixture for an explicit Azurite executable (e.g. to check the error for a missing install).</summary>
    public static AzuriteFixture ForExecutable(string executable) => new(executable);

    /// <summary>The Blob service port.</summary>
    public int BlobPort { get; private set; }

    /// <summary>The Queue service port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The Azurite process id (for tests that stop storage mid-run).</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>The Blob endpoint, path-style: http://127.0.0.1:{port}/devstoreaccount1.</summary>
    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    /// <summary>The Queue endpoint.</summary>
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    /// <summary>A standard connection string for this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};";

    /// <summary>Where the Azurite executable is expected.</summary>
    public static string ExecutablePath()
    {
        string? configured = Environment.GetEnvironmentVariable("QF_AZURITE_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        string root = RepositoryRoot.TryFind() ?? Directory.GetCurrentDirectory();
        return Path.Combine(root, ".cache", "azurite", "node_modules", ".bin", "azurite");
    }

    /// <summary>A fresh, valid container or queue name: <paramref name="prefix"/> + a counter + random hex (lowercase, ≤ 63).</summary>
    public string UniqueName(string prefix)
    {
        int n = Interlocked.Increment(ref _names);
        string name = $"{prefix.ToLowerInvariant()}-{n.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}";
        return name.Length <= 56 ? name : name[^56..].TrimStart('-');
    }

    public async Task InitializeAsync()
    {
        string exe = _executable ?? ExecutablePath();
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at '{exe}'. Run ./test.sh (or bash scripts/install-test-tools.sh), which installs it into .cache/azurite, or set QF_AZURITE_BIN.");
        }

        _workspace = new TempDirectory("qf-azurite");
        Exception? last = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                (BlobPort, QueuePort, _tablePort) = (FreePort(), FreePort(), FreePort());
                await StartAsync(exe);
                return;
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // A port picked as free was taken before Azurite bound it; try other ports.
                last = ex;
                Stop();
            }
        }

        throw new InvalidOperationException("Azurite did not start after 3 attempts.", last);
    }

    /// <summary>Stops Azurite gracefully (SIGTERM by PID, so it saves its data), leaving the ports closed until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (Process signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Did not exit on SIGTERM in time: fall through to the hard kill.
        }

        Stop();
    }

    /// <summary>Starts Azurite again on the same ports and data folder after <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("Azurite is running; call StopAsync first.");
        }

        await StartAsync(_executable ?? ExecutablePath());
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Stop();
        _workspace?.Dispose();
        _workspace = null;
    }

    private async Task StartAsync(string exe)
    {
        lock (_output)
        {
            _output.Clear();
        }

        var info = new ProcessStartInfo(exe)
        {
            WorkingDirectory = _workspace!.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--silent", "--disableTelemetry", "--location", _workspace!.Path,
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", _tablePort.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start '{exe}'.");
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var watch = Stopwatch.StartNew();
        while (!(await IsListeningAsync(BlobPort) && await IsListeningAsync(QueuePort)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} while starting: {CapturedOutput()}");
            }

            if (watch.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{BlobPort}/{QueuePort} within {StartTimeout.TotalSeconds} s: {CapturedOutput()}");
            }

            await Task.Delay(100);
        }
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

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
            // Already exited between the check and the kill.
        }

        _process.Dispose();
        _process = null;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 16_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string CapturedOutput()
    {
        lock (_output)
        {
            return _output.Length == 0 ? "(no output)" : _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
