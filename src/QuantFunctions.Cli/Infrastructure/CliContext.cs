using QuantFunctions.Cli.Compute.Infrastructure;
using Spectre.Console;

namespace QuantFunctions.Cli.Infrastructure;

/// <summary>What every command gets: settings, the console for output and the error writer.</summary>
/// <param name="Settings">Validated settings from the environment.</param>
/// <param name="Console">Standard output (tables, progress, text).</param>
/// <param name="Error">Standard error (diagnostics).</param>
/// <param name="Time">The clock used for run metadata only (never for results).</param>
public sealed record CliContext(CliSettings Settings, IAnsiConsole Console, TextWriter Error, TimeProvider Time) : ICommandOutput;
