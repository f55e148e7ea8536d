using System.CommandLine;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Lake.Storage;
using Spectre.Console;

namespace QuantFunctions.Cli.Commands;

/// <summary><c>quant lake ls [PATH]</c>: objects at or below a lake path, with sizes.</summary>
internal sealed class LakeListCommand : CommandBase
{
    private readonly Argument<string> _path = new("path") { Description = "A lake path (e.g. gold/meta); default: the whole lake.", DefaultValueFactory = _ => string.Empty };

    public LakeListCommand(CliContext context)
        : base("ls", "List lake objects below a path.", context) => Arguments.Add(_path);

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        LakePath prefix = LakePath.Parse(parseResult.GetValue(_path) ?? string.Empty);
        ILakeStore lake = await CliRuntime.OpenLakeAsync(Context, cancellationToken);
        int count = 0;
        long bytes = 0;
        await foreach (LakeObjectInfo info in lake.ListAsync(prefix, cancellationToken))
        {
            Context.Console.Profile.Out.Writer.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{info.Size,12}  {info.Path}"));
            count++;
            bytes += info.Size;
        }

        Context.Console.MarkupLineInterpolated($"[grey]{count} objects, {bytes} bytes under '{(prefix.IsRoot ? "/" : prefix.Value)}'[/]");
        return ExitCodes.Success;
    }
}
