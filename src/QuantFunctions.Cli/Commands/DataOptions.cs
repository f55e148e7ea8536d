using System.CommandLine;

namespace QuantFunctions.Cli.Commands;

/// <summary>Options shared by the <c>quant data</c> commands that read silver.</summary>
internal static class DataOptions
{
    /// <summary><c>--pipeline</c>: the DataOps pipeline that wrote the dataset.</summary>
    public static Option<string> Pipeline() => new("--pipeline") { Description = "The DataOps pipeline id that wrote the data.", DefaultValueFactory = _ => "dataops" };

    /// <summary><c>--version</c>: its version.</summary>
    public static Option<string> Version() => new("--version") { Description = "The pipeline version.", DefaultValueFactory = _ => "1.0.0" };
}
