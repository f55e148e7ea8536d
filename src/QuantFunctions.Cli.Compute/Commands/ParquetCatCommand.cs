using System.CommandLine;
using QuantFunctions.Cli.Compute.Infrastructure;
using QuantFunctions.Lake.Parquet;
using Spectre.Console;

namespace QuantFunctions.Cli.Compute.Commands;

/// <summary><c>quant parquet cat FILE [--columns a,b] [--limit n] [--format csv|jsonl]</c>.</summary>
internal sealed class ParquetCatCommand : CliCommand<ICommandOutput>
{
    private readonly Argument<string> _file = new("file") { Description = "A Parquet file on the local disk." };
    private readonly Option<string?> _columns = new("--columns") { Description = "Comma-separated columns to print (default: all)." };
    private readonly Option<long> _limit = new("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => long.MaxValue };
    private readonly Option<string> _format = new("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };

    public ParquetCatCommand(ICommandOutput context)
        : base("cat", "Print a Parquet file's rows as CSV or JSON lines.", context)
    {
        Arguments.Add(_file);
        Options.Add(_columns);
        Options.Add(_limit);
        Options.Add(_format);
        _format.AcceptOnlyFromAmong("csv", "jsonl");
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string file = parseResult.GetValue(_file)!;
        long limit = parseResult.GetValue(_limit);
        if (limit < 0)
        {
            throw new UsageException($"--limit must be ≥ 0 (got {limit})");
        }

        ParquetRowFormat format = parseResult.GetValue(_format) == "jsonl" ? ParquetRowFormat.JsonLines : ParquetRowFormat.Csv;
        string? columnList = parseResult.GetValue(_columns);
        IReadOnlyList<string>? columns = string.IsNullOrWhiteSpace(columnList) ? null : columnList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        using ParquetReader reader = ParquetReader.Open(file);
        if (columns is not null)
        {
            foreach (string c in columns)
            {
                if (reader.Schema.IndexOf(c) < 0)
                {
                    throw new UsageException($"{file} has no column '{c}' (columns: {string.Join(", ", reader.Schema.Columns.Select(x => x.Name))})");
                }
            }
        }

        TextWriter output = Context.Console.Profile.Out.Writer;
        var readOptions = new ParquetReadOptions { Columns = columns };
        IAnsiConsole? progress = reader.RowCount >= ProgressRows ? CliConsole.ForStandardError(Context, Environment.GetEnvironmentVariable) : null;
        if (progress is null)
        {
            await ParquetRowRenderer.RenderAsync(reader, output, format, readOptions, limit, cancellationToken);
        }
        else
        {
            // Rows go to standard output; a progress bar of the rows goes to standard error when it is a terminal.
            await CliProgress.RunAsync(progress, $"reading {Path.GetFileName(file)}", Math.Min(limit, reader.RowCount), report => RenderAsync(reader, output, format, readOptions, limit, report, cancellationToken));
        }

        await output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>Files with at least this many rows show progress.</summary>
    private const long ProgressRows = 1_000_000;

    private static async Task<long> RenderAsync(ParquetReader reader, TextWriter output, ParquetRowFormat format, ParquetReadOptions options, long limit, Action<double> report, CancellationToken cancellationToken)
    {
        if (format == ParquetRowFormat.Csv)
        {
            IEnumerable<string> names = options.Columns ?? reader.Schema.Columns.Select(c => c.Name);
            await output.WriteLineAsync(string.Join(',', names.Select(n => n.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + n.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : n)));
        }

        long written = 0;
        await foreach (RowGroupBatch batch in reader.ReadAsync(options, cancellationToken))
        {
            int n = (int)Math.Min(batch.RowCount, limit - written);
            await output.WriteAsync(ParquetRowRenderer.Render(batch, format, 0, n).AsMemory(), cancellationToken);
            written += n;
            report(n);
            if (written >= limit)
            {
                break;
            }
        }

        return written;
    }
}
