using System.Data.Common;
using System.Text.Json;
using DuckDB.NET.Data;
using QuantFunctions.Cli.Infrastructure;

namespace QuantFunctions.Cli.Sql;

/// <summary>
/// An in-memory DuckDB database with the file lake's datasets as views, locked down for reading only.
/// </summary>
/// <remarks>
/// Read-only in three layers: (1) only a single SELECT statement runs (DuckDB's own parser decides, through
/// <c>json_serialize_sql</c>, which serializes SELECT statements only — COPY, ATTACH, INSTALL, LOAD, CREATE, INSERT,
/// EXPORT, SET, PRAGMA, … are refused before anything executes); (2) file access is limited to the lake folder
/// (<c>enable_external_access = false</c> with <c>allowed_directories</c>), no spilling to a temporary folder, no
/// extension installs or auto-loading; (3) the configuration is locked once the views exist, so no statement can
/// loosen it.
/// </remarks>
public sealed class LakeSqlSession : IDisposable
{
    private readonly DuckDBConnection _connection;

    private LakeSqlSession(DuckDBConnection connection, IReadOnlyList<LakeSqlView> views)
    {
        _connection = connection;
        Views = views;
    }

    /// <summary>The registered views.</summary>
    public IReadOnlyList<LakeSqlView> Views { get; }

    /// <summary>Opens DuckDB over the file lake at <paramref name="lakeRoot"/>.</summary>
    /// <exception cref="UsageException">The lake folder does not exist.</exception>
    public static LakeSqlSession Open(string lakeRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lakeRoot);
        if (!Directory.Exists(lakeRoot))
        {
            throw new UsageException($"no lake at '{Path.GetFullPath(lakeRoot)}' (set QF_LAKE_ROOT, or run `quant demo` first)");
        }

        string root = LakeSqlView.Normalize(lakeRoot);
        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            IReadOnlyList<LakeSqlView> views = LakeSqlView.Discover(root);
            foreach (LakeSqlView view in views)
            {
                RegisterView(connection, view, root);
            }

            Execute(connection, "SET temp_directory = ''");
            Execute(connection, "SET autoinstall_known_extensions = false");
            Execute(connection, "SET autoload_known_extensions = false");
            Execute(connection, "SET allow_community_extensions = false");
            Execute(connection, $"SET allowed_directories = [{LakeSqlView.Literal(root + "/")}]");
            Execute(connection, "SET enable_external_access = false");
            Execute(connection, "SET lock_configuration = true");
            return new LakeSqlSession(connection, views);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one SELECT statement (also WITH, FROM-first, VALUES, DESCRIBE, SUMMARIZE) and returns its reader.
    /// </summary>
    /// <exception cref="UsageException">Not a single SELECT statement, or DuckDB refused the query (its message, one line).</exception>
    public DbDataReader Run(string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        EnsureSingleSelect(sql);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.UseStreamingMode = true;
            return command.ExecuteReader();
        }
        catch (DuckDBException ex)
        {
            throw new UsageException(OneLine(ex.Message), ex);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    /// <summary>The first line of a DuckDB message (DuckDB adds the query and a caret on further lines).</summary>
    public static string OneLine(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string first = message.Split('\n', 2)[0].Trim();
        return first.Length > 0 ? first : message.Trim();
    }

    private void EnsureSingleSelect(string sql)
    {
        string json;
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT json_serialize_sql($1::VARCHAR)";
            command.Parameters.Add(new DuckDBParameter(sql));
            json = (string)command.ExecuteScalar()!;
        }

        using JsonDocument parsed = JsonDocument.Parse(json);
        JsonElement rootElement = parsed.RootElement;
        if (rootElement.GetProperty("error").GetBoolean())
        {
            string type = rootElement.TryGetProperty("error_type", out JsonElement t) ? t.GetString() ?? "" : "";
            string message = rootElement.TryGetProperty("error_message", out JsonElement m) ? m.GetString() ?? "" : "";
            if (type == "not implemented")
            {
                throw new UsageException($"only SELECT queries run against the lake, which is read-only ({Refused(sql)} is not a SELECT)");
            }

            throw new UsageException(OneLine($"{Title(type)} Error: {message}"));
        }

        int statements = rootElement.GetProperty("statements").GetArrayLength();
        if (statements != 1)
        {
            throw new UsageException($"one SELECT statement at a time (got {statements})");
        }
    }

    /// <summary>The first word of the first ';'-separated statement that does not start like a query, for the message.</summary>
    private static string Refused(string sql)
    {
        foreach (string statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int end = 0;
            while (end < statement.Length && char.IsLetter(statement[end]))
            {
                end++;
            }

            string word = statement[..end].ToUpperInvariant();
            if (word.Length > 0 && word is not ("SELECT" or "WITH" or "FROM" or "VALUES" or "DESCRIBE" or "SUMMARIZE" or "SHOW" or "TABLE"))
            {
                return word;
            }
        }

        return "the statement";
    }

    private static string Title(string type) =>
        type.Length == 0 ? "Parser" : char.ToUpperInvariant(type[0]) + type[1..];

    private static void RegisterView(DuckDBConnection connection, LakeSqlView view, string root)
    {
        try
        {
            var columns = new List<string>();
            using (DuckDBDataReader describe = Query(connection, $"DESCRIBE SELECT * FROM {view.ReadParquet(root)}"))
            {
                while (describe.Read())
                {
                    columns.Add(describe.GetString(0));
                }
            }

            Execute(connection, view.CreateStatement(root, columns));
        }
        catch (DuckDBException ex)
        {
            throw new UsageException($"cannot register view {view.Name} over {view.Glob(root)}: {OneLine(ex.Message)}", ex);
        }
    }

    private static DuckDBDataReader Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (DuckDBDataReader)command.ExecuteReader();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
