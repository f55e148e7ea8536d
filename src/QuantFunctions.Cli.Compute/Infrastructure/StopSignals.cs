using System.Runtime.InteropServices;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>
/// Ctrl+C and SIGTERM (kill, systemd, container stop) cancel <see cref="Token"/> instead of ending the process, so a
/// command stops cleanly (<c>quant worker</c> leaves its task hub). Both executables of <c>quant</c> create one in Main.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration _terminate;

    /// <summary>Starts listening for Ctrl+C and SIGTERM.</summary>
    public StopSignals()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            Cancel();
        });
    }

    /// <summary>Cancelled by the first Ctrl+C or SIGTERM.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <inheritdoc/>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _terminate.Dispose();
        _cancellation.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Cancel();
    }

    private void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command already returned.
        }
    }
}
