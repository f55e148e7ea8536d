using System.CommandLine;
using QuantFunctions.Cli.Compute.Infrastructure;
using QuantFunctions.Lake.Parquet;
using Spectre.Console;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary><c>quant parquet inspect FILE [--json]</c>: schema, row groups, statistics, codecs and metadata of any Parquet file.</summary>
internal sealed class ParquetInspectCommand : CliCommand<ICommandOutput>
{
    private readonly Argument<string> _file = new("file") { Description = "A Parquet file on the local disk." };
    private readonly Option<bool> _json = CliOptions.Json();

    public ParquetInspectCommand(ICommandOutput context)
        : base("inspect", "Show a Parquet file's schema, row groups, statistics and codecs.", context)
    {
        Arguments.Add(_file);
        Options.Add(_json);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string file = parseResult.GetValue(_file)!;
        using ParquetReader reader = ParquetReader.Open(file);
        ParquetFileInfo info = reader.Describe();
        if (parseResult.GetValue(_json))
        {
            Context.Console.Profile.Out.Writer.WriteLine(info.ToJson());
            return Task.FromResult(ExitCodes.Success);
        }

        IAnsiConsole console = Context.Console;
        console.MarkupLineInterpolated($"[bold]{file}[/]: {info.RowCount} rows, {info.RowGroups.Count} row group(s), {info.SizeBytes} bytes, format v{info.FormatVersion}, created by {info.CreatedBy ?? "?"}");
        var schema = new Table().Border(TableBorder.Simple).Title("schema").AddColumn("column").AddColumn("kind").AddColumn("physical").AddColumn("repetition").AddColumn("logical");
        foreach (ParquetColumnInfo c in info.Columns)
        {
            schema.AddRow(Markup.Escape(c.Name), c.Kind.ToString(), c.PhysicalType.ToString(), c.Repetition, Markup.Escape(c.LogicalType ?? string.Empty));
        }

        console.Write(schema);
        foreach (ParquetRowGroupInfo rg in info.RowGroups)
        {
            var chunks = new Table().Border(TableBorder.Simple).Title($"row group {rg.Index}: {rg.RowCount} rows")
                .AddColumn("column").AddColumn("codec").AddColumn("encodings").AddColumn("compressed").AddColumn("uncompressed").AddColumn("min").AddColumn("max").AddColumn("nulls");
            foreach (ParquetColumnChunkInfo c in rg.Columns)
            {
                chunks.AddRow(
                    Markup.Escape(c.Column), c.Codec, Markup.Escape(string.Join(",", c.Encodings)),
                    c.TotalCompressedSize.ToString(System.Globalization.CultureInfo.InvariantCulture), c.TotalUncompressedSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(c.Statistics?.Min ?? string.Empty), Markup.Escape(c.Statistics?.Max ?? string.Empty),
                    c.Statistics?.NullCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }

            console.Write(chunks);
        }

        foreach (KeyValuePair<string, string?> kv in info.KeyValueMetadata)
        {
            console.MarkupLineInterpolated($"[grey]{kv.Key}[/] = {kv.Value ?? "(null)"}");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
