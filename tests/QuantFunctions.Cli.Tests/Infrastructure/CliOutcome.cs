namespace QuantFunctions.Cli.Tests.Infrastructure;

/// <summary>What one in-process <c>quant</c> invocation produced.</summary>
/// <param name="ExitCode">The exit code (0 ok, 1 run failed, 2 usage or validation).</param>
/// <param name="Output">Standard output (plain text, no ANSI).</param>
/// <param name="Error">Standard error.</param>
public sealed record CliOutcome(int ExitCode, string Output, string Error)
{
    /// <summary>Output and error together, for assertions on a message wherever it was printed.</summary>
    public string All => Output + "\n" + Error;

    /// <summary>Asserts the exit code, showing the whole outcome when it differs.</summary>
    public CliOutcome AssertExit(int expected)
    {
        Assert.True(ExitCode == expected, $"expected exit {expected}, got {this}");
        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Output}\n--- err ---\n{Error}";
}
