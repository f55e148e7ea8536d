using System.CommandLine;
using QuantFunctions.Cli.Commands;
using QuantFunctions.Cli.Infrastructure;
using Spectre.Console;

namespace QuantFunctions.Cli;

/// <summary>The <c>quant</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code (0 ok, 1 run failed, 2 usage or validation error).</summary>
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        CliSettings settings;
        try
        {
            settings = CliSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync($"quant: {ex.Code}: {ex.Message}");
            return ex.Code.ExitCode;
        }

        // Spans and metrics of runs go to OTLP when an endpoint is configured (the SDK reads the OTEL_* variables);
        // every run writes forensic_trace.json regardless.
        using OpenTelemetry.OpenTelemetrySdk? sdk = CliTelemetry.Create(settings.Host.Telemetry);

        // Ctrl+C and SIGTERM (kill, systemd, container stop) stop a command: `quant worker` leaves its task hub cleanly.
        using var signals = new StopSignals();

        // Live progress and colour on a terminal only; plain text when redirected; NO_COLOR honoured.
        IAnsiConsole console = CliConsole.Create(Console.Out, !Console.IsOutputRedirected, Environment.GetEnvironmentVariable);
        var context = new CliContext(settings, console, Console.Error, TimeProvider.System);
        return await RunAsync(context, args, signals.Token);
    }

    /// <summary>Parses and runs <paramref name="args"/> against <paramref name="context"/> (used by tests).</summary>
    public static async Task<int> RunAsync(CliContext context, string[] args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await CliInvocation.RunAsync(CliRoot.Build(context), context, args, cancellationToken);
    }
}
