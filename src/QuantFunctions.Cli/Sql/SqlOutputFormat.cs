namespace QuantFunctions.Cli.Sql;

/// <summary>How <c>quant sql</c> prints a result.</summary>
public enum SqlOutputFormat
{
    /// <summary>An aligned text table with a header and a row count.</summary>
    Table,

    /// <summary>CSV with a header.</summary>
    Csv,

    /// <summary>One JSON object per row.</summary>
    JsonLines,
}
