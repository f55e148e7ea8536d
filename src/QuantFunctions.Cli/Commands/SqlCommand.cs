using System.CommandLine;
using System.Data.Common;
using DuckDB.NET.Data;
using QuantFunctions.Cli.Infrastructure;
using QuantFunctions.Cli.Sql;
using QuantFunctions.Hosting.Settings;

namespace QuantFunctions.Cli.Commands;

/// <summary>
/// <c>quant sql "SELECT …" [--format table|csv|jsonl] [--limit N]</c>: a read-only SQL query over the file lake on
/// embedded DuckDB, with the lake's datasets as views (<c>silver_returns</c>, <c>silver_features</c>,
/// <c>gold_weights</c>, <c>gold_backtest</c>, …; see <see cref="LakeSqlView"/>).
/// </summary>
internal sealed class SqlCommand : CommandBase
{
    private readonly Argument<string> _query = new("query") { Description = "One SELECT statement (WITH, FROM-first, VALUES, DESCRIBE and SUMMARIZE too)." };
    private readonly Option<string> _format = new("--format") { Description = "table, csv or jsonl.", DefaultValueFactory = _ => "table" };
    private readonly Option<long> _limit = new("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => long.MaxValue };

    public SqlCommand(CliContext context)
        : base("sql", "Query the lake with SQL (embedded DuckDB, read-only): views silver_returns, silver_features, gold_weights, gold_backtest, … with their partitions as columns.", context)
    {
        Arguments.Add(_query);
        Options.Add(_format);
        Options.Add(_limit);
        _format.AcceptOnlyFromAmong("table", "csv", "jsonl");
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string query = parseResult.GetValue(_query)!;
        long limit = parseResult.GetValue(_limit);
        if (limit < 0)
        {
            throw new UsageException($"--limit must be ≥ 0 (got {limit})");
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            throw new UsageException("the query is empty");
        }

        if (Context.Settings.Lake.Kind != LakeSettings.FileKind)
        {
            throw new UsageException($"quant sql reads the file lake only (QF_LAKE=file, QF_LAKE_ROOT); QF_LAKE={Context.Settings.Lake.Kind} is not supported yet — copy the datasets you need to a folder, or use `quant parquet cat`");
        }

        SqlOutputFormat format = parseResult.GetValue(_format) switch
        {
            "csv" => SqlOutputFormat.Csv,
            "jsonl" => SqlOutputFormat.JsonLines,
            _ => SqlOutputFormat.Table,
        };
        TextWriter output = Context.Console.Profile.Out.Writer;
        try
        {
            using LakeSqlSession session = LakeSqlSession.Open(Context.Settings.Lake.Root);
            using DbDataReader reader = session.Run(query);
            await SqlResultWriter.WriteAsync(reader, output, format, limit, cancellationToken);
        }
        catch (DuckDBException ex)
        {
            // Errors raised while rows stream (conversions, out-of-range values): DuckDB's message, one line.
            throw new UsageException(LakeSqlSession.OneLine(ex.Message), ex);
        }

        await output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
