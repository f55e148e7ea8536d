using System.Globalization;
using QuantFunctions.Core.Performance;

namespace QuantFunctions.Core.Reporting;

/// <summary>Invariant-culture text of a <see cref="MetricRow"/> for tables (Markdown, HTML, the CLI).</summary>
public static class MetricText
{
    /// <summary>Formats a row: percentages and ratios with two decimals, counts and days whole, dates ISO, undefined as <c>n/a</c>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The text.</returns>
    public static string Format(MetricRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Format switch
        {
            MetricFormat.Percent => Percent(row.Value),
            MetricFormat.Ratio => Number(row.Value, "0.00"),
            MetricFormat.Date => row.Date is { } date ? Date(date) : "n/a",
            _ => Number(row.Value, "0"),
        };
    }

    /// <summary>An ISO date, <c>yyyy-MM-dd</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with two decimals (<c>0.0123 → 1.23%</c>); <c>n/a</c> when not finite.</summary>
    /// <param name="value">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double value) => double.IsFinite(value) ? (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>A number in the given format; <c>n/a</c> when not finite.</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">A .NET numeric format.</param>
    /// <returns>The text.</returns>
    public static string Number(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
