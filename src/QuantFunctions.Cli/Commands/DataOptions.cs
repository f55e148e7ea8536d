using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.DataOps.Providers;

namespace QuantFunctions.Cli.Commands;

/// <summary>Options shared by the <c>quant data</c> commands (and <c>quant calendar check</c>, which reads the same files).</summary>
internal static class DataOptions
{
    /// <summary><c>--pipeline</c>: the DataOps pipeline that wrote the dataset.</summary>
    public static Option<string> Pipeline() => new("--pipeline") { Description = "The DataOps pipeline id that wrote the data.", DefaultValueFactory = _ => "dataops" };

    /// <summary><c>--version</c>: its version.</summary>
    public static Option<string> Version() => new("--version") { Description = "The pipeline version.", DefaultValueFactory = _ => "1.0.0" };

    /// <summary><c>--layout</c>: how OHLCV files name their symbols.</summary>
    public static Option<string> Layout() => new("--layout") { Description = "per-symbol (file name = ticker) or long (a symbol column).", DefaultValueFactory = _ => "per-symbol" };

    /// <summary><c>--map</c>: header mappings of OHLCV files.</summary>
    public static Option<string[]> Map() => new("--map") { Description = "Header mapping field=Header (fields: date, symbol, open, high, low, close, volume), repeatable.", AllowMultipleArgumentsPerToken = true };

    /// <summary>The layout and column map given by <see cref="Layout"/> and <see cref="Map"/>.</summary>
    /// <exception cref="UsageException">An unknown layout.</exception>
    public static (OhlcvLayout Layout, OhlcvColumnMap Map) ParseFiles(string? layout, string[]? assignments)
    {
        OhlcvLayout parsed = layout switch
        {
            "per-symbol" or null => OhlcvLayout.PerSymbol,
            "long" => OhlcvLayout.Long,
            string other => throw new UsageException($"--layout '{other}': expected per-symbol or long"),
        };
        OhlcvColumnMap map = new();
        foreach (string assignment in assignments ?? [])
        {
            map = map.With(assignment);
        }

        return (parsed, map);
    }
}
