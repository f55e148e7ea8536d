namespace QuantFunctions.Cli;

/// <summary>The <c>quant</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.Error.WriteLine("quant: the command line is not built yet.");
        return 2;
    }
}
