using Spectre.Console;

namespace QuantFunctions.Cli.Compute.Infrastructure;

/// <summary>Where a command writes: the console for its output and the writer for diagnostics.</summary>
public interface ICommandOutput
{
    /// <summary>Standard output (tables, progress, text).</summary>
    IAnsiConsole Console { get; }

    /// <summary>Standard error (diagnostics).</summary>
    TextWriter Error { get; }
}
